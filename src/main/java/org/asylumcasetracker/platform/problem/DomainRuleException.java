package org.asylumcasetracker.platform.problem;

/** A well-formed request that a domain rule refuses; {@code code} names the rule. */
public class DomainRuleException extends DomainException {

    private final String code;

    public DomainRuleException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
