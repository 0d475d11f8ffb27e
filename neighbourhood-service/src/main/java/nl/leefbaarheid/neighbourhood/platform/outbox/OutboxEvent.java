package nl.leefbaarheid.neighbourhood.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** An event waiting in the outbox (PENDING) or sent to Kafka (PUBLISHED). */
@Entity
public class OutboxEvent extends PanacheEntityBase {

    public enum Status { PENDING, PUBLISHED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public String eventKey;

    @Column(nullable = false)
    public String eventType;

    public String subject;

    @Column(nullable = false)
    public String payload;

    @Column(nullable = false)
    public Instant occurredAt;

    public String traceParent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.PENDING;

    public int attempts;

    public String lastError;

    public Instant publishedAt;
}
