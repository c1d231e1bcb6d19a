package org.asylumcasetracker.platform.problem;

/** 422: a well-formed request that a domain rule refuses; {@code code} names the rule. */
public class DomainRuleException extends ApiException {

    private final String code;

    public DomainRuleException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public Problem toProblem() {
        return Problem.of(ProblemType.DOMAIN_RULE, getMessage()).withCode(code);
    }
}
