package org.asylumcasetracker.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Field errors as the API reports them: named by their JSON path, in a stable order. */
public final class FieldErrors {

    static final Comparator<FieldError> ORDER =
            Comparator.comparing(FieldError::field).thenComparing(FieldError::message);

    private FieldErrors() {}

    /** Bean Validation's violations as field errors, e.g. {@code mailingAddress.line1}. */
    public static List<FieldError> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldError(fieldName(v.getPropertyPath()), v.getMessage()))
                .sorted(ORDER)
                .toList();
    }

    /** Both lists as one, in the API's order. */
    public static List<FieldError> merge(List<FieldError> some, List<FieldError> others) {
        return Stream.concat(some.stream(), others.stream())
                .distinct()
                .sorted(ORDER)
                .toList();
    }

    private static String fieldName(Path path) {
        // "create.request.mailingAddress.line1" -> "mailingAddress.line1"; a lone query parameter keeps its name.
        List<String> names = new ArrayList<>();
        boolean firstIsParameter = false;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    // the Java method is not part of the API
                }
                default -> {
                    String name = node.getName();
                    boolean named = name != null && !name.startsWith("<");
                    if (names.isEmpty()) {
                        firstIsParameter = node.getKind() == ElementKind.PARAMETER;
                    }
                    if (named) {
                        names.add(name);
                    }
                    if (node.getIndex() != null && !names.isEmpty()) {
                        names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
                    }
                }
            }
        }
        if (firstIsParameter && names.size() > 1) {
            names.remove(0);
        }
        return String.join(".", names);
    }
}
