package org.asylumcasetracker.client;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.asylumcasetracker.platform.persistence.AuditedEntity;

/**
 * A person seeking asylum whom the organization helps. Holds personal data: it never reaches a log,
 * so {@link #toString()} shows the id only.
 */
@Entity
@Table(name = "client")
public class Client extends AuditedEntity {

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "external_ref")
    private String externalRef;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    @Column(name = "a_number")
    private String aNumber;

    @Column(name = "preferred_language")
    private String preferredLanguage;

    private String phone;

    private String email;

    @Embedded
    private MailingAddress mailingAddress;

    @Column(name = "last_arrival_on")
    private LocalDate lastArrivalOn;

    /** The day the client moved to the mailing address on file; {@code null} while no move was recorded. */
    @Column(name = "moved_on")
    private LocalDate movedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "one_year_deadline_exception")
    private OneYearDeadlineException oneYearDeadlineException;

    @Convert(converter = IdentityDocumentsConverter.class)
    @Column(name = "identity_documents", nullable = false)
    private Set<IdentityDocument> identityDocuments = EnumSet.noneOf(IdentityDocument.class);

    private String caseworker;

    /** The responsible case worker's token subject: who owns the client, whatever their username becomes. */
    @Column(name = "caseworker_subject")
    private String caseworkerSubject;

    protected Client() {}

    public Client(String organizationId) {
        this.id = UUID.randomUUID();
        this.organizationId = organizationId;
    }

    /** Replaces every editable field; the service has validated and normalised the values. */
    @SuppressWarnings("java:S107")
    public void update(
            String externalRef,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            String aNumber,
            String preferredLanguage,
            String phone,
            String email,
            MailingAddress mailingAddress,
            LocalDate lastArrivalOn,
            Set<IdentityDocument> identityDocuments,
            String caseworker,
            OneYearDeadlineException oneYearDeadlineException) {
        this.externalRef = externalRef;
        this.firstName = firstName;
        this.lastName = lastName;
        this.dateOfBirth = dateOfBirth;
        this.aNumber = aNumber;
        this.preferredLanguage = preferredLanguage;
        this.phone = phone;
        this.email = email;
        this.mailingAddress = mailingAddress == null || mailingAddress.isEmpty() ? null : mailingAddress;
        this.lastArrivalOn = lastArrivalOn;
        this.oneYearDeadlineException = oneYearDeadlineException;
        this.identityDocuments = identityDocuments == null || identityDocuments.isEmpty()
                ? EnumSet.noneOf(IdentityDocument.class)
                : EnumSet.copyOf(identityDocuments);
        if (!java.util.Objects.equals(this.caseworker, caseworker)) {
            this.caseworker = caseworker;
            this.caseworkerSubject = null; // until the service knows who has that username
        }
    }

    /**
     * Records that the client moved on {@code day} to the address on file: every person on an open filing must
     * then report it (AR-11), and court applicants also to the court (EOIR-33).
     */
    public void movedOn(LocalDate day) {
        this.movedOn = day;
    }

    public LocalDate getMovedOn() {
        return movedOn;
    }

    /** Names the person (token subject) behind {@link #getCaseworker()}; {@code null} while nobody is known by it. */
    public void ownedBy(String subject) {
        this.caseworkerSubject = subject;
    }

    /** Whether the client holds a passport or government ID for the biometrics appointment. */
    public boolean hasPrimaryId() {
        return anyPrimary(identityDocuments);
    }

    /** A passport or government ID among the documents (also as a query returns the column: untyped). */
    public static boolean anyPrimary(Collection<?> documents) {
        return documents != null
                && documents.stream().anyMatch(d -> d instanceof IdentityDocument document && document.isPrimary());
    }

    public UUID getId() {
        return id;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getExternalRef() {
        return externalRef;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public String getANumber() {
        return aNumber;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public MailingAddress getMailingAddress() {
        return mailingAddress;
    }

    public LocalDate getLastArrivalOn() {
        return lastArrivalOn;
    }

    /** The last day to apply for asylum within a year of the last arrival; empty while the arrival is unknown. */
    public Optional<LocalDate> oneYearDeadlineOn() {
        return OneYearDeadline.after(lastArrivalOn);
    }

    public OneYearDeadlineException getOneYearDeadlineException() {
        return oneYearDeadlineException;
    }

    public Set<IdentityDocument> getIdentityDocuments() {
        return identityDocuments;
    }

    public String getCaseworker() {
        return caseworker;
    }

    public String getCaseworkerSubject() {
        return caseworkerSubject;
    }

    @Override
    public String toString() {
        return "Client[" + id + "]";
    }
}
