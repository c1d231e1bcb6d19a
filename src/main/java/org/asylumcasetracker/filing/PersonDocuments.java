package org.asylumcasetracker.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Subselect;
import org.hibernate.annotations.Synchronize;

/**
 * Read only: each person on a filing (the principal and every family member) with the identity documents their
 * client record holds, as stored. It lets a filing be read together with everyone's documents in one statement
 * ({@link FilingRepository#lockForView}). The rows of {@code filing_person} follow the filing by a trigger.
 */
@Entity
@Immutable
@Subselect(
        "select p.filing_id, p.client_id, c.identity_documents from filing_person p join client c on c.id = p.client_id")
@Synchronize({"filing_person", "client"})
@IdClass(PersonDocuments.Key.class)
public class PersonDocuments {

    @Id
    @Column(name = "filing_id")
    private UUID filingId;

    @Id
    @Column(name = "client_id")
    private UUID clientId;

    @Column(name = "identity_documents")
    private String identityDocuments;

    protected PersonDocuments() {}

    /** The identifier: a person is on a filing once. */
    public record Key(UUID filingId, UUID clientId) implements Serializable {}
}
