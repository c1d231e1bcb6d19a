package org.asylumcasetracker.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.asylumcasetracker.platform.problem.Problem;
import org.asylumcasetracker.platform.problem.ProblemType;

/** RFC 7386 JSON Merge Patch: members replace, {@code null} removes, objects merge recursively. */
public final class JsonMergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private JsonMergePatch() {
    }

    /** Applies {@code patch} to a copy of {@code target}; a patch that is not an object is refused. */
    public static ObjectNode apply(ObjectNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new MalformedPatchException();
        }
        return (ObjectNode) merge(target.deepCopy(), patch);
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    /** 400: the body of a merge patch must be a JSON object. */
    public static class MalformedPatchException extends org.asylumcasetracker.platform.problem.ApiException {
        MalformedPatchException() {
            super("A merge patch must be a JSON object.");
        }

        @Override
        public Problem toProblem() {
            return Problem.of(ProblemType.MALFORMED_REQUEST, getMessage());
        }
    }
}
