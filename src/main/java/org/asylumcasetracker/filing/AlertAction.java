package org.asylumcasetracker.filing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One structured next step of an alert. It carries codes, numbers and dates rather than sentences, so a
 * frontend can render it in the client's language; only the fields that matter for its {@link ActionKind}
 * are set, and empty ones are left out of the JSON.
 *
 * @param who          the party the step involves: the one to call, contact, visit or mail to; for a task
 *                     without such a party, the one who does it ({@link Who})
 * @param phone        the number to call
 * @param say          what to say on the phone menu to reach a person
 * @param haveReady    what to have at hand during the call ({@link Item})
 * @param bring        what to bring or send, all of it ({@link Item})
 * @param bringOneOf   at least one of these ({@link Item})
 * @param address      the postal address, one line per line break
 * @param minutesEarly how many minutes before the appointment to arrive
 * @param until        the last day the step can still be taken
 * @param form         the form to send ({@link AddressForm})
 * @param deadlineOn   the day the law requires the step by
 * @param amount       a fee to pay, in US dollars
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AlertAction(
        ActionKind kind,
        String who,
        String phone,
        String say,
        List<String> haveReady,
        List<String> bring,
        List<String> bringOneOf,
        String address,
        Integer minutesEarly,
        LocalDate until,
        AddressForm form,
        LocalDate deadlineOn,
        java.math.BigDecimal amount) {

    public AlertAction {
        Objects.requireNonNull(kind, "kind");
        haveReady = haveReady == null ? List.of() : List.copyOf(haveReady);
        bring = bring == null ? List.of() : List.copyOf(bring);
        bringOneOf = bringOneOf == null ? List.of() : List.copyOf(bringOneOf);
    }

    public static Builder of(ActionKind kind) {
        return new Builder(kind);
    }

    /** Codes for {@link AlertAction#who()}. */
    public static final class Who {
        public static final String USCIS_CONTACT_CENTER = "USCIS_CONTACT_CENTER";
        public static final String GOVERNMENT_ATTORNEY = "GOVERNMENT_ATTORNEY";
        public static final String APPLICATION_SUPPORT_CENTER = "APPLICATION_SUPPORT_CENTER";
        public static final String USCIS_NEBRASKA_SERVICE_CENTER = "USCIS_NEBRASKA_SERVICE_CENTER";
        public static final String IMMIGRATION_ATTORNEY = "IMMIGRATION_ATTORNEY";
        public static final String CLIENT = "CLIENT";
        public static final String CASEWORKER = "CASEWORKER";
        public static final String USCIS = "USCIS";
        public static final String IMMIGRATION_COURT = "IMMIGRATION_COURT";

        private Who() {}
    }

    /**
     * Codes for documents and facts in {@link AlertAction#haveReady()}, {@link AlertAction#bring()} and
     * {@link AlertAction#bringOneOf()}; identity documents use the names of a client's identityDocuments.
     */
    public static final class Item {
        public static final String A_NUMBER = "A_NUMBER";
        public static final String MAILING_DATE = "MAILING_DATE";
        public static final String TRACKING_NUMBER = "TRACKING_NUMBER";
        public static final String RECEIPT_NOTICE = "RECEIPT_NOTICE";
        public static final String APPOINTMENT_NOTICE = "APPOINTMENT_NOTICE";
        public static final String PASSPORT = "PASSPORT";
        public static final String GOVERNMENT_ID = "GOVERNMENT_ID";
        public static final String BIRTH_CERTIFICATE = "BIRTH_CERTIFICATE";
        public static final String SCHOOL_ID = "SCHOOL_ID";
        public static final String EXPIRED_ID = "EXPIRED_ID";
        public static final String ID_COPY = "ID_COPY";
        public static final String IMMIGRATION_DOCUMENT = "IMMIGRATION_DOCUMENT";
        public static final String I589_FIRST_THREE_PAGES = "I589_FIRST_THREE_PAGES";
        public static final String USCIS_INSTRUCTIONS = "USCIS_INSTRUCTIONS";

        private Item() {}
    }

    /** Sets only the fields a step needs, so the rules read as a list of steps. */
    public static final class Builder {
        private final ActionKind kind;
        private String who;
        private String phone;
        private String say;
        private List<String> haveReady;
        private List<String> bring;
        private List<String> bringOneOf;
        private String address;
        private Integer minutesEarly;
        private LocalDate until;
        private AddressForm form;
        private LocalDate deadlineOn;
        private java.math.BigDecimal amount;

        private Builder(ActionKind kind) {
            this.kind = kind;
        }

        public Builder who(String who) {
            this.who = who;
            return this;
        }

        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        public Builder say(String say) {
            this.say = say;
            return this;
        }

        public Builder haveReady(List<String> haveReady) {
            this.haveReady = haveReady;
            return this;
        }

        public Builder bring(List<String> bring) {
            this.bring = bring;
            return this;
        }

        public Builder bringOneOf(List<String> bringOneOf) {
            this.bringOneOf = bringOneOf;
            return this;
        }

        public Builder address(String address) {
            this.address = address;
            return this;
        }

        public Builder minutesEarly(int minutesEarly) {
            this.minutesEarly = minutesEarly;
            return this;
        }

        public Builder until(LocalDate until) {
            this.until = until;
            return this;
        }

        public Builder form(AddressForm form) {
            this.form = form;
            return this;
        }

        public Builder deadlineOn(LocalDate deadlineOn) {
            this.deadlineOn = deadlineOn;
            return this;
        }

        public Builder amount(java.math.BigDecimal amount) {
            this.amount = amount;
            return this;
        }

        public AlertAction build() {
            return new AlertAction(
                    kind,
                    who,
                    phone,
                    say,
                    haveReady,
                    bring,
                    bringOneOf,
                    address,
                    minutesEarly,
                    until,
                    form,
                    deadlineOn,
                    amount);
        }
    }
}
