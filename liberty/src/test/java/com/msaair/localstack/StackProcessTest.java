package com.msaair.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lifecycle every process of the stack shares, on small shell scripts instead of servers. */
class StackProcessTest {

    @TempDir
    Path folder;

    /** A shell script that is ready once it has written the file "ready". */
    private final class Script extends StackProcess {
        private final String script;

        Script(String script, Duration grace, int... ports) {
            super("script", folder, "script.log", grace, ports);
            this.script = script;
        }

        @Override
        protected List<String> commandLine() {
            return List.of("sh", "-c", script);
        }

        @Override
        public boolean isReady() {
            return Files.exists(folder.resolve("ready"));
        }
    }

    @Test
    void readyOnceItsOwnCheckSaysSoThenStoppedGracefully() {
        Script process = new Script("echo starting; touch ready; exec sleep 60", Duration.ofSeconds(10));

        process.start(Duration.ofSeconds(10));

        assertThat(process.isRunning()).isTrue();
        assertThat(process.hasBeenReady()).isTrue();
        assertThat(process.pid()).isPositive();
        assertThat(process.errors()).contains("starting");
        assertThatThrownBy(process::start).hasMessage("script is already running");
        process.stop();
        assertThat(process.isRunning()).isFalse();
        assertThat(process.hasBeenReady()).isFalse();
    }

    @Test
    void oneThatEndsWhileStartingFailsInItsOwnWords() {
        Script process = new Script("echo the configuration is wrong; exit 3", Duration.ofSeconds(10));

        assertThatThrownBy(() -> process.start(Duration.ofSeconds(10)))
                .isInstanceOf(StackProcess.Exited.class)
                .hasMessageContaining("script exited while starting")
                .hasMessageContaining("the configuration is wrong");
    }

    @Test
    void oneThatIsNotReadyByItsDeadlineIsStopped() {
        Script process = new Script("echo still thinking; exec sleep 60", Duration.ofSeconds(10));

        assertThatThrownBy(() -> process.start(Duration.ofMillis(500)))
                .hasMessageContaining("script was not ready within")
                .hasMessageContaining("still thinking");
        assertThat(process.isRunning()).isFalse();
    }

    @Test
    void oneThatIgnoresTheGracefulStopIsKilledAfterItsGrace() {
        Script process = new Script("trap '' TERM; touch ready; while true; do sleep 1; done", Duration.ofMillis(500));
        process.start(Duration.ofSeconds(10));

        long started = System.nanoTime();
        process.stop();

        assertThat(process.isRunning()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void itDoesNotStartOnAPortThatIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Script process = new Script("touch ready; exec sleep 60", Duration.ofSeconds(10), taken.getLocalPort());

            assertThatThrownBy(process::start).hasMessageStartingWith("Port " + taken.getLocalPort() + " for script is already in use");
            assertThat(process.isRunning()).isFalse();
        }
    }

    @Test
    void aToolRunToItsEndFailsWithItsOutputWhenItFails() {
        assertThatThrownBy(() -> StackProcess.run("formatting", List.of("sh", "-c", "echo disk full; exit 1"), java.util.Map.of(), folder,
                folder.resolve("tool.log"), Duration.ofSeconds(10)))
                .hasMessageContaining("formatting failed")
                .hasMessageContaining("disk full");
    }
}
