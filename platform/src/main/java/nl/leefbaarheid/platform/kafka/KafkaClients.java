package nl.leefbaarheid.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Kafka clients the platform makes itself (the outbox relay, dead letters, the broker's health), with the service's own
 * Kafka settings: every {@code kafka.*} property (or {@code KAFKA_*} variable), as the messaging channels get them, so a
 * production broker's security protocol, SASL and TLS settings apply to these clients too.
 */
@ApplicationScoped
public class KafkaClients {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    /** A producer of text keys and values, named {@code <service>-<purpose>}, with these settings over the service's. */
    public KafkaProducer<String, String> producer(String purpose, Map<String, Object> settings) {
        Map<String, Object> config = settings(purpose, settings);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    public Admin admin(String purpose, Map<String, Object> settings) {
        return Admin.create(settings(purpose, settings));
    }

    Map<String, Object> settings(String purpose, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(broker);
        config.put("client.id", application + "-" + purpose);
        config.putAll(settings);
        return config;
    }
}
