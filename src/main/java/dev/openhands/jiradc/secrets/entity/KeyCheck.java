package dev.openhands.jiradc.secrets.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A known value sealed with the secrets key when the database was first used. If it no longer
 * opens, {@code secrets.key} was changed and every stored secret is unreadable.
 */
@Entity
@Table(name = "secrets_key_check")
public class KeyCheck {

    public static final long SINGLE_ROW = 1;
    public static final String PURPOSE = "secrets.key-check";
    public static final String KNOWN_VALUE = "openhands-jira-dc key check";

    @Id
    private long id = SINGLE_ROW;

    @Column(name = "sealed_value", nullable = false, length = 512)
    private String sealedValue;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected KeyCheck() {
    }

    public KeyCheck(String sealedValue) {
        this.sealedValue = sealedValue;
        this.createdAt = Instant.now();
    }

    public String sealedValue() {
        return sealedValue;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
