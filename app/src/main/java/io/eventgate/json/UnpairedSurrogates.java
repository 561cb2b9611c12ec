package io.eventgate.json;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds a lone UTF-16 surrogate in a JSON tree. Valid UTF-8 cannot carry one, but a JSON escape
 * of one (backslash, {@code u}, {@code D800}) can, and Jackson accepts it; such a string cannot be written back as
 * UTF-8 without loss, so it is refused (docs/protocol.md section 1).
 */
public final class UnpairedSurrogates {

    private UnpairedSurrogates() {
    }

    /**
     * The path of the first string (value or field name) that holds an unpaired surrogate, in the
     * form {@code data.items[2].name}; empty when there is none.
     */
    public static Optional<String> pathIn(JsonNode root) {
        return find(root, "");
    }

    /** Whether {@code text} holds a surrogate that is not part of a pair. */
    public static boolean in(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with each unpaired surrogate written as {@code \\uD800}, so that it can be shown. */
    static String printable(String text) {
        if (!in(text)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                shown.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                shown.append(String.format("\\u%04X", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    private static Optional<String> find(JsonNode node, String path) {
        if (node.isTextual()) {
            return in(node.textValue()) ? Optional.of(path) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = find(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = printable(field.getKey());
                String fieldPath = path.isEmpty() ? name : path + "." + name;
                if (in(field.getKey())) {
                    return Optional.of(fieldPath + " (in the field name)");
                }
                Optional<String> found = find(field.getValue(), fieldPath);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
