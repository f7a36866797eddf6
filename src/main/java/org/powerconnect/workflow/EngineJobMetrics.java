package org.powerconnect.workflow;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The job executor's own figures as Micrometer counters, live: the engine reports them to its metrics
 * registry (and writes them to its meter log only every 15 minutes), so this registry passes each occurrence
 * on as it happens. Needs {@code camunda.bpm.metrics.enabled} (the default).
 */
@Component
class EngineJobMetrics extends AbstractProcessEnginePlugin {

    private final Map<String, Counter> counters;

    EngineJobMetrics(MeterRegistry meters) {
        this.counters = Map.of(
                Metrics.JOB_ACQUISITION_ATTEMPT, counter(meters, "powerconnect.jobs.acquisition.attempts",
                        "Job acquisition cycles of this node's job executor"),
                Metrics.JOB_ACQUIRED_SUCCESS, counter(meters, "powerconnect.jobs.acquired",
                        "Jobs this node's job executor acquired (locked for execution)"),
                Metrics.JOB_ACQUIRED_FAILURE, counter(meters, "powerconnect.jobs.acquisition.conflicts",
                        "Jobs another node acquired first"),
                Metrics.JOB_SUCCESSFUL, counter(meters, "powerconnect.jobs.executed", "Jobs executed successfully"),
                Metrics.JOB_FAILED, counter(meters, "powerconnect.jobs.failed",
                        "Job executions that failed (each retry counts)"),
                Metrics.JOB_EXECUTION_REJECTED, counter(meters, "powerconnect.jobs.rejected",
                        "Acquired jobs the executor had no thread for"));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setMetricsRegistry(new MetricsRegistry() {
            @Override
            public void markOccurrence(String name, long times) {
                super.markOccurrence(name, times);
                Counter counter = counters.get(name);
                if (counter != null) {
                    counter.increment(times);
                }
            }
        });
    }

    private static Counter counter(MeterRegistry meters, String name, String description) {
        return Counter.builder(name).description(description).register(meters);
    }
}
