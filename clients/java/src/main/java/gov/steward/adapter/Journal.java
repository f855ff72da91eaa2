package gov.steward.adapter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The adapter's memory across restarts: an append-only file of flat JSON lines, one per change
 * handled, written AFTER the change was acted on. The cursor to resume from is the last complete
 * line's: a run killed after acting on a change but before journaling it receives the change
 * again and acts again with the same request ids, which the gateway answers as before. A real
 * department system keeps the cursor in its own database, in the same transaction as its work.
 */
final class Journal implements AutoCloseable {
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(-?\\d+))");

  private final FileChannel file;
  final List<Map<String, String>> entries = new ArrayList<>();

  /** Opens (creating) the journal; a last line cut short by a kill mid-write is removed. */
  Journal(Path path) throws IOException {
    file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    byte[] bytes = Files.readAllBytes(path);
    int intact = 0;
    for (int start = 0; start < bytes.length; ) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') end++;
      if (end == bytes.length) break; // no newline: torn
      Map<String, String> entry = parse(new String(bytes, start, end - start, StandardCharsets.UTF_8));
      if (entry == null) break;
      entries.add(entry);
      start = end + 1;
      intact = start;
    }
    file.truncate(intact);
    file.position(intact);
  }

  private static Map<String, String> parse(String line) {
    if (!line.startsWith("{") || !line.endsWith("}")) return null;
    Map<String, String> entry = new LinkedHashMap<>();
    Matcher matcher = FIELD.matcher(line);
    while (matcher.find()) entry.put(matcher.group(1), matcher.group(2) != null ? matcher.group(2).replace("\\\"", "\"").replace("\\\\", "\\") : matcher.group(3));
    return entry.containsKey("kind") ? entry : null;
  }

  /** Appends one entry as one line, durably. */
  void append(Map<String, Object> entry) throws IOException {
    ByteBuffer line = ByteBuffer.wrap((Json.object(entry) + "\n").getBytes(StandardCharsets.UTF_8));
    while (line.hasRemaining()) file.write(line);
    file.force(false);
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
