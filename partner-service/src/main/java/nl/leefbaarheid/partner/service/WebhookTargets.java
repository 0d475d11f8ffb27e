package nl.leefbaarheid.partner.service;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import nl.leefbaarheid.partner.domain.HostResolver;
import nl.leefbaarheid.partner.domain.WebhookTargetPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The webhook target policy with the operator's allow-list (partner.webhooks.allowed-targets, empty by default). */
public class WebhookTargets {

    @Produces
    @Singleton
    WebhookTargetPolicy policy(HostResolver resolver,
            @ConfigProperty(name = "partner.webhooks.allowed-targets") Optional<List<String>> allowedTargets) {
        return new WebhookTargetPolicy(new LinkedHashSet<>(allowedTargets.orElse(List.of())), resolver);
    }
}
