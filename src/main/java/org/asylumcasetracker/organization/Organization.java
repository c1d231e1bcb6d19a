package org.asylumcasetracker.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.ZoneId;
import org.asylumcasetracker.platform.persistence.AuditedEntity;

/**
 * A legal nonprofit using the service: the tenant that owns every client and filing. Its time zone
 * decides what "today" is for its deadlines; its settings hold the alert thresholds.
 */
@Entity
@Table(name = "organization")
public class Organization extends AuditedEntity {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Embedded
    private OrganizationSettings settings = new OrganizationSettings();

    protected Organization() {}

    public Organization(String id, String name, ZoneId timeZone) {
        this.id = id;
        this.name = name;
        this.timeZone = timeZone.getId();
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public OrganizationSettings settings() {
        return settings;
    }

    public void changeSettings(OrganizationSettings newSettings) {
        this.settings = newSettings;
    }

    @Override
    public String toString() {
        return "Organization[" + id + "]";
    }
}
