// Package adapter is an example department adapter: it connects a department's approval system
// to Steward's department gateway. It lists the department's items once, then watches its feed
// from a cursor it journals on disk, accepts and approves every item routed to it with request
// ids derived from the item id (so a replay after a crash changes nothing), and resumes where it
// stopped after being killed.
package adapter

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"

	routingv1 "steward.gov/clients/go/gen/steward/routing/v1"
)

// Config of one adapter run.
type Config struct {
	Address    string
	Department string
	Token      string
	// Use TLS (the machine's roots); without it the address must be a loopback one.
	TLS     bool
	Journal string
	// Stop (exit 0) once this many of the department's items were seen approved; 0 runs on.
	Target int
	// Give up (exit 2) after this long.
	MaxDuration time.Duration
	// For fault tests: after this many decisions, stop before journaling the change (and wait to
	// be killed), so a restart must replay it. 0 never.
	HoldAfterDecisions int
	// One JSON line per event (stream opened, decision, refusal...).
	Events io.Writer
}

// Exit codes of Watch.
const (
	ExitDone      = 0
	ExitTimeout   = 2
	ExitNoService = 3
	ExitRefused   = 4
)

// Dial connects to the gateway with the department's token.
func Dial(address, token string, useTLS bool) (*grpc.ClientConn, error) {
	transport := insecure.NewCredentials()
	if useTLS {
		transport = credentials.NewTLS(&tls.Config{MinVersion: tls.VersionTLS12})
	} else if !IsLoopback(address) {
		return nil, fmt.Errorf("%s is not a loopback address: use --tls", address)
	}
	return grpc.NewClient(address, grpc.WithTransportCredentials(transport), grpc.WithPerRPCCredentials(BearerToken{Token: token, Loopback: IsLoopback(address)}))
}

type run struct {
	cfg       Config
	gateway   routingv1.DepartmentGatewayServiceClient
	journal   *Journal
	approved  map[string]bool
	decisions int
}

func (r *run) say(event string, fields map[string]any) {
	record := map[string]any{"event": event, "pid": os.Getpid(), "department": r.cfg.Department}
	for key, value := range fields {
		record[key] = value
	}
	line, _ := json.Marshal(record)
	fmt.Fprintln(r.cfg.Events, string(line))
}

func stateName(state routingv1.ItemState) string {
	return strings.TrimPrefix(state.String(), "ITEM_STATE_")
}

// Watch runs the adapter until its target is reached, it times out, or the gateway refuses it.
func Watch(ctx context.Context, cfg Config) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, cfg.MaxDuration)
	defer cancel()
	journal, entries, err := OpenJournal(cfg.Journal)
	if err != nil {
		return 0, err
	}
	defer journal.Close()
	conn, err := Dial(cfg.Address, cfg.Token, cfg.TLS)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	r := &run{cfg: cfg, gateway: routingv1.NewDepartmentGatewayServiceClient(conn), journal: journal, approved: map[string]bool{}}

	cursor := ""
	for _, entry := range entries {
		cursor = entry.Cursor
		if entry.Kind == "change" && entry.Department == cfg.Department && entry.State == "APPROVED" {
			r.approved[entry.ItemID] = true
		}
	}
	r.say("adapter.started", map[string]any{"cursor": cursor, "journaled": len(entries)})
	if len(entries) == 0 {
		if cursor, err = r.listOnce(ctx); err != nil {
			return r.stopped(ctx, err)
		}
	}

	failures := 0
	for attempt := 1; !r.done(); attempt++ {
		if ctx.Err() != nil {
			return ExitTimeout, nil
		}
		if failures >= 100 {
			return ExitNoService, nil
		}
		connection := fmt.Sprintf("%d-%d", os.Getpid(), attempt)
		received, err := r.watchOnce(ctx, &cursor, connection)
		if received > 0 {
			failures = 0
		}
		if err == nil {
			continue
		}
		if !Transient(err) && ctx.Err() == nil {
			r.say("stream.refused", map[string]any{"conn": connection, "error": RefusalOf(err).String()})
			return ExitRefused, nil
		}
		failures++
		r.say("stream.lost", map[string]any{"conn": connection, "error": RefusalOf(err).String()})
		select {
		case <-ctx.Done():
		case <-time.After(min(50*time.Millisecond<<min(failures, 5), time.Second)):
		}
	}
	r.say("adapter.finished", map[string]any{"approved": len(r.approved), "cursor": cursor})
	return ExitDone, nil
}

func (r *run) stopped(ctx context.Context, err error) (int, error) {
	if ctx.Err() != nil {
		return ExitTimeout, nil
	}
	if !Transient(err) {
		r.say("list.refused", map[string]any{"error": RefusalOf(err).String()})
		return ExitRefused, nil
	}
	return 0, err
}

func (r *run) done() bool { return r.cfg.Target > 0 && len(r.approved) >= r.cfg.Target }

// listOnce lists every item once (all pages), handles those waiting for the department, and
// journals the listing's cursor: the stream continues exactly after what the list showed.
func (r *run) listOnce(ctx context.Context) (string, error) {
	cursor, token, count := "", "", 0
	for {
		page, err := r.gateway.ListAssignments(ctx, &routingv1.ListAssignmentsRequest{PageSize: 100, PageToken: token})
		if err != nil {
			return "", err
		}
		cursor = page.GetCursor()
		for _, item := range page.GetItems() {
			count++
			if item.GetState() == routingv1.ItemState_ITEM_STATE_APPROVED {
				r.approved[item.GetId()] = true
			}
			if err := r.handle(ctx, item, true); err != nil {
				return "", err
			}
		}
		if token = page.GetNextPageToken(); token == "" {
			break
		}
	}
	r.say("listed", map[string]any{"items": count, "cursor": cursor})
	return cursor, r.journal.Append(Entry{Kind: "listed", Cursor: cursor, Items: count})
}

// watchOnce streams from the cursor until the stream fails or the target is reached; each change
// is acted on, then journaled, then the cursor moves.
func (r *run) watchOnce(ctx context.Context, cursor *string, connection string) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stream, err := r.gateway.WatchAssignments(ctx, &routingv1.WatchAssignmentsRequest{Cursor: *cursor})
	if err != nil {
		return 0, err
	}
	r.say("stream.open", map[string]any{"conn": connection, "cursor": *cursor})
	received := 0
	for !r.done() {
		message, err := stream.Recv()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = fmt.Errorf("stream ended by the server")
			}
			return received, err
		}
		received++
		item := message.GetItem()
		if item.GetDepartmentCode() == r.cfg.Department {
			if err := r.handle(ctx, item, false); err != nil {
				return received, err
			}
		}
		if err := r.journal.Append(Entry{
			Kind: "change", Cursor: message.GetCursor(), ItemID: item.GetId(), CaseID: item.GetCaseId(), ItemCode: item.GetItemCode(),
			Department: item.GetDepartmentCode(), State: stateName(item.GetState()), Connection: connection,
		}); err != nil {
			return received, err
		}
		*cursor = message.GetCursor()
		if item.GetDepartmentCode() == r.cfg.Department && item.GetState() == routingv1.ItemState_ITEM_STATE_APPROVED {
			r.approved[item.GetId()] = true
		}
	}
	return received, nil
}

// handle acts on an item of the department: a routed one is accepted and approved; from a listing
// also one already in review (accepted by a run that stopped before approving). The request ids
// come from the item, so doing it again after a crash is a no-op answered as before. A refusal is
// reported and the adapter goes on; a transient failure is returned, to reconnect and retry.
func (r *run) handle(ctx context.Context, item *routingv1.CaseItem, listed bool) error {
	state := item.GetState()
	reviewing := state == routingv1.ItemState_ITEM_STATE_IN_REVIEW || state == routingv1.ItemState_ITEM_STATE_RESUBMITTED
	if state != routingv1.ItemState_ITEM_STATE_ROUTED && !(listed && reviewing) {
		return nil
	}
	if state == routingv1.ItemState_ITEM_STATE_ROUTED {
		_, err := r.gateway.AcceptItem(ctx, &routingv1.AcceptItemRequest{ItemId: item.GetId(), RequestId: "accept-" + item.GetId(), Mode: routingv1.ProcessingMode_PROCESSING_MODE_NORMAL})
		if err != nil {
			return r.refused(err, item, "accept")
		}
	}
	requestID := "approve-" + item.GetId()
	answer, err := r.gateway.DecideItem(ctx, &routingv1.DecideItemRequest{
		ItemId: item.GetId(), RequestId: requestID, Decision: routingv1.Decision_DECISION_APPROVE,
		Reason: "材料齐全，准予许可", DocumentRefs: []string{item.GetItemCode() + "-" + item.GetId()[:8]},
	})
	if err != nil {
		return r.refused(err, item, "approve")
	}
	r.decisions++
	decided := answer.GetItem()
	r.say("decided", map[string]any{
		"itemId": decided.GetId(), "requestId": requestID, "state": stateName(decided.GetState()),
		"updatedAt": decided.GetUpdatedAt().AsTime().Format(time.RFC3339Nano), "project": decided.GetProjectName(), "planVersion": decided.GetPlanVersion(),
	})
	if r.cfg.HoldAfterDecisions > 0 && r.decisions == r.cfg.HoldAfterDecisions {
		r.say("holding", map[string]any{"itemId": item.GetId()})
		select {} // killed here: decided, not journaled
	}
	return nil
}

func (r *run) refused(err error, item *routingv1.CaseItem, action string) error {
	if Transient(err) {
		return err
	}
	r.say("action.refused", map[string]any{"itemId": item.GetId(), "action": action, "error": RefusalOf(err).String(), "reason": RefusalOf(err).Reason})
	return nil
}
