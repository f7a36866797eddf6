package org.powerconnect.workflow;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name of this node among the nodes that share one database ({@code powerconnect.node-name}, by default host
 * name and process id). The job executor locks jobs under it (column {@code LOCK_OWNER_} of {@code ACT_RU_JOB}) and
 * the engine writes it into the job log ({@code HOSTNAME_}) and its meter log: when a node dies holding jobs, an
 * operator reads there which node held them and until when; the engine's default owner is an anonymous UUID.
 */
@Component
class NodeName extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(NodeName.class);

    private final String name;

    NodeName(@Value("${powerconnect.node-name:}") String configured) {
        this.name = configured.isBlank() ? hostName() + "-" + ProcessHandle.current().pid() : configured.strip();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHostname(name);
    }

    /** After every plugin's preInit: the starter hands the engine its job executor there. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(name);
        }
        log.info("This node is '{}': its job locks and job log entries carry that name", name);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
