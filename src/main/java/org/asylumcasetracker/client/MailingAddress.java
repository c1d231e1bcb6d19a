package org.asylumcasetracker.client;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where USCIS sends notices; it must be kept current or notices are lost. */
@Embeddable
public class MailingAddress {

    @Column(name = "address_line1")
    private String line1;

    @Column(name = "address_line2")
    private String line2;

    @Column(name = "address_city")
    private String city;

    @Column(name = "address_state")
    private String state;

    @Column(name = "address_postal_code")
    private String postalCode;

    protected MailingAddress() {}

    public MailingAddress(String line1, String line2, String city, String state, String postalCode) {
        this.line1 = line1;
        this.line2 = line2;
        this.city = city;
        this.state = state;
        this.postalCode = postalCode;
    }

    /** Whether both name the same place, field by field ({@code null} is no address). */
    public static boolean same(MailingAddress a, MailingAddress b) {
        if (a == null || b == null) {
            return a == b;
        }
        return java.util.Objects.equals(a.line1, b.line1)
                && java.util.Objects.equals(a.line2, b.line2)
                && java.util.Objects.equals(a.city, b.city)
                && java.util.Objects.equals(a.state, b.state)
                && java.util.Objects.equals(a.postalCode, b.postalCode);
    }

    public String line1() {
        return line1;
    }

    public String line2() {
        return line2;
    }

    public String city() {
        return city;
    }

    public String state() {
        return state;
    }

    public String postalCode() {
        return postalCode;
    }

    public boolean isEmpty() {
        return line1 == null && line2 == null && city == null && state == null && postalCode == null;
    }

    @Override
    public String toString() {
        return "MailingAddress[redacted]";
    }
}
