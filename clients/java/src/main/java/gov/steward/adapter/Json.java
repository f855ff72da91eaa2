package gov.steward.adapter;

import java.util.Map;

/** Flat JSON objects of strings and numbers: the journal's lines and the events on stdout. */
final class Json {
  private Json() {}

  static String object(Map<String, Object> fields) {
    StringBuilder out = new StringBuilder("{");
    fields.forEach((key, value) -> {
      if (out.length() > 1) out.append(',');
      out.append('"').append(key).append("\":");
      if (value instanceof Number) out.append(value);
      else out.append('"').append(escape(String.valueOf(value))).append('"');
    });
    return out.append('}').toString();
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.toString();
  }
}
