package nl.leefbaarheid.neighbourhood.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import nl.leefbaarheid.neighbourhood.domain.StatusCalculator;
import nl.leefbaarheid.neighbourhood.domain.StatusSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The status thresholds from configuration ({@code neighbourhood.status.*}), with the defaults of {@link StatusSettings}. */
@ApplicationScoped
public class StatusSettingsProducer {

    @ConfigProperty(name = "neighbourhood.status.total-class-boundaries")
    List<Double> totalBoundaries;
    @ConfigProperty(name = "neighbourhood.status.dimension-class-boundaries")
    List<Double> dimensionBoundaries;
    @ConfigProperty(name = "neighbourhood.status.stable-score-change")
    double stableScoreChange;
    @ConfigProperty(name = "neighbourhood.status.stable-share-change")
    double stableShareChange;
    @ConfigProperty(name = "neighbourhood.status.stable-reports-change")
    double stableReportsChange;
    @ConfigProperty(name = "neighbourhood.status.tenant-red-below")
    double redBelow;
    @ConfigProperty(name = "neighbourhood.status.tenant-green-above")
    double greenAbove;
    @ConfigProperty(name = "neighbourhood.status.min-respondents")
    int minRespondents;
    @ConfigProperty(name = "neighbourhood.status.few-households")
    int fewHouseholds;

    @Produces
    @Singleton
    StatusCalculator calculator(StatusSettings settings) {
        return new StatusCalculator(settings);
    }

    @Produces
    @Singleton
    StatusSettings settings() {
        return new StatusSettings(totalBoundaries, dimensionBoundaries, stableScoreChange, stableShareChange,
                stableReportsChange, redBelow, greenAbove, minRespondents, fewHouseholds);
    }
}
