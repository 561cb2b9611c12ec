package io.eventgate.logger.runtime.mongo;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns JSON into BSON without losing precision: exact decimals become {@code Decimal128}, and a
 * number no BSON type can hold keeps its digits as a string.
 */
final class BsonValues {

    private BsonValues() {
    }

    static BsonValue of(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> document(node);
            case ARRAY -> {
                BsonArray array = new BsonArray(node.size());
                node.forEach(element -> array.add(of(element)));
                yield array;
            }
            case STRING -> new BsonString(node.textValue());
            case BOOLEAN -> BsonBoolean.valueOf(node.booleanValue());
            case NUMBER -> number(node);
            case BINARY -> new BsonBinary(binary(node));
            case NULL, MISSING -> BsonNull.VALUE;
            case POJO -> new BsonString(node.toString());
        };
    }

    private static BsonDocument document(JsonNode node) {
        BsonDocument document = new BsonDocument();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            document.put(field.getKey(), of(field.getValue()));
        }
        return document;
    }

    private static BsonValue number(JsonNode node) {
        if (node.isInt()) {
            return new BsonInt32(node.intValue());
        }
        if (node.isLong()) {
            return new BsonInt64(node.longValue());
        }
        if (node.isDouble() || node.isFloat()) {
            return new BsonDouble(node.doubleValue());
        }
        BigDecimal exact = node.isBigInteger() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
        try {
            return new BsonDecimal128(new Decimal128(exact));
        } catch (NumberFormatException | ArithmeticException e) {
            return new BsonString(node.isBigInteger() ? node.bigIntegerValue().toString() : exact.toString());
        }
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
