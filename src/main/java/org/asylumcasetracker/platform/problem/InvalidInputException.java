package org.asylumcasetracker.platform.problem;

import java.util.List;

/** 400: one or more fields break the contract. */
public class InvalidInputException extends ApiException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("One or more fields are invalid.");
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Problem toProblem() {
        return Problem.of(ProblemType.VALIDATION, getMessage()).withErrors(errors);
    }
}
