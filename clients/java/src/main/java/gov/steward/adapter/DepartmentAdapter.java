package gov.steward.adapter;

import gov.steward.routing.v1.AcceptItemRequest;
import gov.steward.routing.v1.CaseItem;
import gov.steward.routing.v1.DecideItemRequest;
import gov.steward.routing.v1.Decision;
import gov.steward.routing.v1.DepartmentGatewayServiceGrpc;
import gov.steward.routing.v1.ItemState;
import gov.steward.routing.v1.ListAssignmentsRequest;
import gov.steward.routing.v1.ListAssignmentsResponse;
import gov.steward.routing.v1.ProcessingMode;
import gov.steward.routing.v1.WatchAssignmentsRequest;
import gov.steward.routing.v1.WatchAssignmentsResponse;
import io.grpc.ChannelCredentials;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Steward's example department adapter in Java, the twin of the Go one (clients/go).
 *
 * <pre>
 * STEWARD_TOKEN=&lt;department token&gt; java -jar department-adapter.jar watch --address 127.0.0.1:9102 \
 *     --department zrzy --journal zrzy.journal.jsonl [--target N] [--max-seconds S]
 * STEWARD_TOKEN=&lt;department token&gt; java -jar department-adapter.jar decide --address 127.0.0.1:9102 \
 *     --item &lt;item id&gt; --decision approve|reject|return [--reason R] [--request-id ID]
 * </pre>
 *
 * watch lists the department's items once, then follows its feed from the journaled cursor,
 * accepting and approving every routed item with request ids derived from the item id, and
 * resumes where it stopped after being killed; events go to stdout as JSON lines. decide makes one
 * decision and prints the item, or the refusal read from the status details (exit 1).
 */
public final class DepartmentAdapter {
  static final int EXIT_DONE = 0;
  static final int EXIT_TIMEOUT = 2;
  static final int EXIT_NO_SERVICE = 3;
  static final int EXIT_REFUSED = 4;

  private final Map<String, String> options;
  private final String department;
  private final int target;
  private final int holdAfterDecisions;
  private final Instant deadline;
  private final DepartmentGatewayServiceGrpc.DepartmentGatewayServiceBlockingStub gateway;
  private final Set<String> approved = new HashSet<>();
  private int decisions;

  private DepartmentAdapter(Map<String, String> options, ManagedChannel channel, String token) {
    this.options = options;
    this.department = options.getOrDefault("department", "");
    this.target = Integer.parseInt(options.getOrDefault("target", "0"));
    this.holdAfterDecisions = Integer.parseInt(options.getOrDefault("hold-after-decisions", "0"));
    this.deadline = Instant.now().plus(Duration.ofSeconds(Long.parseLong(options.getOrDefault("max-seconds", "600"))));
    String address = options.get("address");
    this.gateway = DepartmentGatewayServiceGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(token, BearerToken.isLoopback(address)));
  }

  public static void main(String[] args) throws Exception {
    // Events and refusals carry Chinese text: UTF-8, whatever the machine's locale says.
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    if (args.length < 1 || !(args[0].equals("watch") || args[0].equals("decide"))) usage();
    Map<String, String> options = new HashMap<>(Map.of("address", "127.0.0.1:9102"));
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--")) usage();
      String name = args[i].substring(2);
      if (name.equals("tls")) options.put("tls", "true");
      else if (i + 1 < args.length) options.put(name, args[++i]);
      else usage();
    }
    String token = System.getenv("STEWARD_TOKEN");
    if (token == null || token.isEmpty()) {
      System.err.println("STEWARD_TOKEN must hold the department's token (pnpm dev:token --role department --department <code>)");
      System.exit(64);
    }
    String address = options.get("address");
    boolean tls = options.containsKey("tls");
    if (!tls && !BearerToken.isLoopback(address)) {
      System.err.println("department-adapter: " + address + " is not a loopback address: use --tls");
      System.exit(1);
    }
    ChannelCredentials credentials = tls ? TlsChannelCredentials.create() : InsecureChannelCredentials.create();
    ManagedChannel channel = Grpc.newChannelBuilder(address, credentials).build();
    int code;
    try {
      DepartmentAdapter adapter = new DepartmentAdapter(options, channel, token);
      code = args[0].equals("watch") ? adapter.watch() : adapter.decide();
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    System.exit(code);
  }

  private static void usage() {
    System.err.println("usage: department-adapter watch|decide --address host:port [--tls] (watch: --department D --journal F [--target N] [--max-seconds S]; decide: --item ID --decision approve|reject|return [--reason R] [--request-id ID])");
    System.exit(64);
  }

  private void say(String event, Map<String, Object> fields) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("event", event);
    record.put("pid", ProcessHandle.current().pid());
    record.put("department", department);
    record.putAll(fields);
    System.out.println(Json.object(record));
    System.out.flush();
  }

  private static String stateName(ItemState state) {
    return state.name().replaceFirst("^ITEM_STATE_", "");
  }

  private boolean done() {
    return target > 0 && approved.size() >= target;
  }

  private long remainingMs() {
    return Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
  }

  int watch() throws Exception {
    String path = options.get("journal");
    if (department.isEmpty() || path == null) usage();
    try (Journal journal = new Journal(Path.of(path))) {
      String cursor = "";
      for (Map<String, String> entry : journal.entries) {
        cursor = entry.getOrDefault("cursor", "");
        if ("change".equals(entry.get("kind")) && department.equals(entry.get("department")) && "APPROVED".equals(entry.get("state"))) approved.add(entry.get("itemId"));
      }
      say("adapter.started", Map.of("cursor", cursor, "journaled", journal.entries.size()));
      if (journal.entries.isEmpty()) {
        try {
          cursor = listOnce(journal);
        } catch (RuntimeException error) {
          if (remainingMs() == 0) return EXIT_TIMEOUT;
          if (!Refusal.transient_(error)) {
            say("list.refused", Map.of("error", Refusal.of(error).toString()));
            return EXIT_REFUSED;
          }
          throw error;
        }
      }
      int failures = 0;
      for (int attempt = 1; !done(); attempt++) {
        if (remainingMs() == 0) return EXIT_TIMEOUT;
        if (failures >= 100) return EXIT_NO_SERVICE;
        String connection = ProcessHandle.current().pid() + "-" + attempt;
        String[] position = {cursor};
        try {
          int received = watchOnce(journal, position, connection);
          if (received > 0) failures = 0;
        } catch (RuntimeException error) {
          if (!Refusal.transient_(error) && remainingMs() > 0) {
            say("stream.refused", Map.of("conn", connection, "error", Refusal.of(error).toString()));
            return EXIT_REFUSED;
          }
          failures++;
          say("stream.lost", Map.of("conn", connection, "error", Refusal.of(error).toString()));
          Thread.sleep(Math.min(Math.min(50L << Math.min(failures, 5), 1000L), remainingMs()));
        } finally {
          cursor = position[0];
        }
      }
      say("adapter.finished", Map.of("approved", approved.size(), "cursor", cursor));
      return EXIT_DONE;
    }
  }

  /** Lists every item once, handles those waiting, and journals the listing's cursor. */
  private String listOnce(Journal journal) throws Exception {
    String cursor = "";
    String pageToken = "";
    int count = 0;
    do {
      ListAssignmentsResponse page = gateway.withDeadlineAfter(10, TimeUnit.SECONDS).listAssignments(ListAssignmentsRequest.newBuilder().setPageSize(100).setPageToken(pageToken).build());
      cursor = page.getCursor();
      for (CaseItem item : page.getItemsList()) {
        count++;
        if (item.getState() == ItemState.ITEM_STATE_APPROVED) approved.add(item.getId());
        handle(item, true);
      }
      pageToken = page.getNextPageToken();
    } while (!pageToken.isEmpty());
    say("listed", Map.of("items", count, "cursor", cursor));
    journal.append(new LinkedHashMap<>(Map.of("kind", "listed", "cursor", cursor, "items", count)));
    return cursor;
  }

  /** Streams from the cursor; each change is acted on, then journaled, then the cursor moves. */
  private int watchOnce(Journal journal, String[] cursor, String connection) throws Exception {
    int received = 0;
    try (Context.CancellableContext scope = Context.current().withCancellation()) {
      Context previous = scope.attach();
      try {
        Iterator<WatchAssignmentsResponse> stream = gateway.withDeadlineAfter(remainingMs(), TimeUnit.MILLISECONDS).watchAssignments(WatchAssignmentsRequest.newBuilder().setCursor(cursor[0]).build());
        say("stream.open", Map.of("conn", connection, "cursor", cursor[0]));
        while (!done() && stream.hasNext()) {
          WatchAssignmentsResponse message = stream.next();
          received++;
          CaseItem item = message.getItem();
          if (item.getDepartmentCode().equals(department)) handle(item, false);
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("kind", "change");
          entry.put("cursor", message.getCursor());
          entry.put("itemId", item.getId());
          entry.put("caseId", item.getCaseId());
          entry.put("itemCode", item.getItemCode());
          entry.put("department", item.getDepartmentCode());
          entry.put("state", stateName(item.getState()));
          entry.put("conn", connection);
          journal.append(entry);
          cursor[0] = message.getCursor();
          if (item.getDepartmentCode().equals(department) && item.getState() == ItemState.ITEM_STATE_APPROVED) approved.add(item.getId());
        }
        if (!done()) throw io.grpc.Status.UNAVAILABLE.withDescription("stream ended by the server").asRuntimeException();
      } finally {
        scope.detach(previous);
      }
    }
    return received;
  }

  /**
   * Acts on an item of the department: a routed one is accepted and approved; from a listing also
   * one already in review. Request ids come from the item, so doing it again after a crash is a
   * no-op answered as before. A refusal is reported and the adapter goes on; a transient failure
   * is thrown, to reconnect and retry.
   */
  private void handle(CaseItem item, boolean listed) throws InterruptedException {
    ItemState state = item.getState();
    boolean reviewing = state == ItemState.ITEM_STATE_IN_REVIEW || state == ItemState.ITEM_STATE_RESUBMITTED;
    if (state != ItemState.ITEM_STATE_ROUTED && !(listed && reviewing)) return;
    try {
      if (state == ItemState.ITEM_STATE_ROUTED) {
        gateway.withDeadlineAfter(10, TimeUnit.SECONDS).acceptItem(AcceptItemRequest.newBuilder().setItemId(item.getId()).setRequestId("accept-" + item.getId()).setMode(ProcessingMode.PROCESSING_MODE_NORMAL).build());
      }
    } catch (RuntimeException error) {
      refused(error, item, "accept");
      return;
    }
    String requestId = "approve-" + item.getId();
    CaseItem decided;
    try {
      decided = gateway.withDeadlineAfter(10, TimeUnit.SECONDS).decideItem(DecideItemRequest.newBuilder()
          .setItemId(item.getId()).setRequestId(requestId).setDecision(Decision.DECISION_APPROVE).setReason("材料齐全，准予许可")
          .addDocumentRefs(item.getItemCode() + "-" + item.getId().substring(0, 8)).build()).getItem();
    } catch (RuntimeException error) {
      refused(error, item, "approve");
      return;
    }
    decisions++;
    say("decided", Map.of("itemId", decided.getId(), "requestId", requestId, "state", stateName(decided.getState()),
        "updatedAt", Instant.ofEpochSecond(decided.getUpdatedAt().getSeconds(), decided.getUpdatedAt().getNanos()).toString(), "project", decided.getProjectName(), "planVersion", decided.getPlanVersion()));
    if (holdAfterDecisions > 0 && decisions == holdAfterDecisions) {
      say("holding", Map.of("itemId", item.getId()));
      Thread.sleep(Long.MAX_VALUE); // killed here: decided, not journaled
    }
  }

  private void refused(RuntimeException error, CaseItem item, String action) {
    if (Refusal.transient_(error)) throw error;
    Refusal refusal = Refusal.of(error);
    say("action.refused", Map.of("itemId", item.getId(), "action", action, "error", refusal.toString(), "reason", refusal.reason()));
  }

  int decide() {
    String itemId = options.getOrDefault("item", "");
    String decision = options.getOrDefault("decision", "approve");
    Map<String, Decision> decisions = Map.of("approve", Decision.DECISION_APPROVE, "reject", Decision.DECISION_REJECT, "return", Decision.DECISION_RETURN);
    try {
      CaseItem item = gateway.withDeadlineAfter(10, TimeUnit.SECONDS).decideItem(DecideItemRequest.newBuilder()
          .setItemId(itemId).setRequestId(options.getOrDefault("request-id", decision + "-" + itemId))
          .setDecision(decisions.getOrDefault(decision, Decision.DECISION_UNSPECIFIED)).setReason(options.getOrDefault("reason", "")).build()).getItem();
      System.out.println(item);
      return 0;
    } catch (RuntimeException error) {
      System.err.println("refused: " + Refusal.of(error));
      return 1;
    }
  }

}
