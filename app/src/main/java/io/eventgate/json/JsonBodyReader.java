package io.eventgate.json;

import java.io.CharArrayReader;
import java.io.IOException;
import java.nio.CharBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.resteasy.reactive.RestResponse.Status;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import io.eventgate.config.EventgateConfig;
import io.eventgate.http.JsonContentType;
import io.eventgate.http.ProblemException;

/**
 * Reads a request body that must be one JSON object of known fields, strictly: UTF-8 only, no
 * duplicate or unknown field, no unpaired surrogate, nothing after the value; each refusal a 400
 * that says where the problem is.
 */
@Singleton
public class JsonBodyReader {

    private final ObjectReader reader;
    private final long maxBodySize;

    public JsonBodyReader(ObjectMapper mapper, EventgateConfig config) {
        this.maxBodySize = config.publish().maxBodySize().asLongValue();
        // Big decimals, trailing zeros kept: data reaches clients and logs exactly as it was sent.
        this.reader = mapper.reader()
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    /**
     * @param contentType the request's {@code Content-Type}: JSON in UTF-8, or a 415
     * @param fields the fields the object may have, in the order the refusal names them
     * @param example a body to show when there is none
     * @throws ProblemException 400 with a detail naming the field, or the line and column of broken
     *         JSON; 413 over {@code eventgate.publish.max-body-size}; 415
     */
    public JsonNode object(byte[] body, String contentType, List<String> fields, String example) {
        JsonContentType.check(contentType);
        if (body.length > maxBodySize) {
            // A chunked body has no Content-Length for the guard to check before it is read.
            throw tooLarge(maxBodySize);
        }
        JsonNode root = read(body);
        if (root.isMissingNode()) {
            throw ProblemException.badRequest("empty-body", "The request body is empty; send a JSON object such as "
                    + example);
        }
        UnpairedSurrogates.pathIn(root).ifPresent(path -> {
            throw ProblemException.badRequest("invalid-encoding", "The string at '" + path + "' holds an unpaired "
                    + "UTF-16 surrogate (a \\u escape of half a pair); send whole characters");
        });
        if (!root.isObject()) {
            throw ProblemException.badRequest("not-an-object", "The request body must be a JSON object, not " + typeOf(root));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw ProblemException.badRequest("unknown-field", "Unknown field '" + name + "'; the allowed fields are "
                        + String.join(", ", fields.subList(0, fields.size() - 1)) + " and " + fields.get(fields.size() - 1));
            }
        }
        return root;
    }

    /** The refusal of a body over {@code limit} bytes, whether declared or read. */
    public static ProblemException tooLarge(long limit) {
        return new ProblemException(Status.PAYLOAD_TOO_LARGE, "too-large",
                "The request body is larger than the limit of " + limit + " bytes (eventgate.publish.max-body-size)");
    }

    /** The field's string value; empty when absent or JSON null; a 400 when of another type. */
    public static Optional<String> optionalString(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ProblemException.badRequest("invalid-" + field,
                    "Field '" + field + "' must be a string, not " + typeOf(value));
        }
        return Optional.of(value.textValue());
    }

    /** "a string", "an object"...: a JSON value's type, as a refusal names it. */
    public static String typeOf(JsonNode node) {
        String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
        return type.equals("array") || type.equals("object") ? "an " + type : "a " + type;
    }

    /**
     * Decodes the body strictly as UTF-8 first, and parses the characters: Jackson, given bytes,
     * would also take UTF-16 and UTF-32 by guessing, and lets overlong forms through.
     */
    private JsonNode read(byte[] body) {
        CharBuffer text;
        try {
            text = StrictUtf8.decode(body);
        } catch (StrictUtf8.InvalidUtf8Exception e) {
            throw ProblemException.badRequest("invalid-encoding", "The request body is not valid UTF-8: "
                    + e.getMessage() + "; send UTF-8 (the only charset accepted)");
        }
        try {
            return reader.readTree(new CharArrayReader(text.array(), text.arrayOffset(), text.remaining()));
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw ProblemException.badRequest("malformed-json", "Malformed JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("unreadable-body", "The request body could not be read: " + e.getMessage());
        }
    }
}
