// Command department-adapter is Steward's example department adapter in Go.
//
//	STEWARD_TOKEN=<department token> department-adapter watch --address 127.0.0.1:9102 \
//	    --department zrzy --journal zrzy.journal.jsonl [--target N] [--max-seconds S]
//	STEWARD_TOKEN=<department token> department-adapter decide --address 127.0.0.1:9102 \
//	    --item <item id> --decision approve|reject|return [--reason R] [--request-id ID]
//
// watch: lists the department's items once, then follows its feed from the journaled cursor,
// accepting and approving every routed item; events go to stdout as JSON lines. decide: one
// decision; prints the item, or the refusal read from the status details, and exits 1.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"google.golang.org/protobuf/encoding/protojson"

	"steward.gov/clients/go/adapter"
	routingv1 "steward.gov/clients/go/gen/steward/routing/v1"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	token := os.Getenv("STEWARD_TOKEN")
	if token == "" {
		fmt.Fprintln(os.Stderr, "STEWARD_TOKEN must hold the department's token (pnpm dev:token --role department --department <code>)")
		os.Exit(64)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	switch os.Args[1] {
	case "watch":
		os.Exit(watch(ctx, token, os.Args[2:]))
	case "decide":
		os.Exit(decide(ctx, token, os.Args[2:]))
	default:
		usage()
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: department-adapter watch|decide [flags] (see --help of each)")
	os.Exit(64)
}

// connectionFlags are where the gateway is and how to reach it, the same for every command.
func connectionFlags(flags *flag.FlagSet) (address *string, useTLS *bool) {
	address = flags.String("address", "127.0.0.1:9102", "the region's routing service (host:port)")
	useTLS = flags.Bool("tls", false, "use TLS; without it only a loopback address is allowed")
	return address, useTLS
}

func watch(ctx context.Context, token string, args []string) int {
	flags := flag.NewFlagSet("watch", flag.ExitOnError)
	address, useTLS := connectionFlags(flags)
	department := flags.String("department", "", "the department code the token is for")
	journal := flags.String("journal", "", "the journal file: what was handled, and the cursor to resume from")
	target := flags.Int("target", 0, "exit 0 once this many of the department's items were seen approved (0: run on)")
	maxSeconds := flags.Int("max-seconds", 600, "exit 2 after this many seconds")
	hold := flags.Int("hold-after-decisions", 0, "fault tests: after this many decisions, wait to be killed before journaling")
	_ = flags.Parse(args)
	if *department == "" || *journal == "" {
		flags.Usage()
		return 64
	}
	code, err := adapter.Watch(ctx, adapter.Config{
		Address: *address, TLS: *useTLS, Department: *department, Token: token, Journal: *journal,
		Target: *target, MaxDuration: time.Duration(*maxSeconds) * time.Second, HoldAfterDecisions: *hold, Events: os.Stdout,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "department-adapter:", err)
		return 1
	}
	return code
}

func decide(ctx context.Context, token string, args []string) int {
	flags := flag.NewFlagSet("decide", flag.ExitOnError)
	address, useTLS := connectionFlags(flags)
	itemID := flags.String("item", "", "the item id")
	decision := flags.String("decision", "approve", "approve, reject or return")
	reason := flags.String("reason", "", "the reason (required to reject or return)")
	requestID := flags.String("request-id", "", "the request id (default: <decision>-<item id>)")
	_ = flags.Parse(args)
	decisions := map[string]routingv1.Decision{"approve": routingv1.Decision_DECISION_APPROVE, "reject": routingv1.Decision_DECISION_REJECT, "return": routingv1.Decision_DECISION_RETURN}
	if *requestID == "" {
		*requestID = *decision + "-" + *itemID
	}
	conn, err := adapter.Dial(*address, token, *useTLS)
	if err != nil {
		fmt.Fprintln(os.Stderr, "department-adapter:", err)
		return 1
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	answer, err := routingv1.NewDepartmentGatewayServiceClient(conn).DecideItem(ctx, &routingv1.DecideItemRequest{ItemId: *itemID, RequestId: *requestID, Decision: decisions[*decision], Reason: *reason})
	if err != nil {
		fmt.Fprintln(os.Stderr, "refused:", adapter.RefusalOf(err))
		return 1
	}
	fmt.Println(protojson.Format(answer.GetItem()))
	return 0
}
