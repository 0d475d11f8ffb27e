package nl.leefbaarheid.partner.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nl.leefbaarheid.partner.domain.WebhookTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender connects to the address it is given (here 127.0.0.1) while TLS and the Host header are about the URL's
 * host: a receiver on 127.0.0.1 with a certificate for receiver.test only, and a client that trusts that certificate.
 * Nothing leaves the loopback.
 */
class WebhookSenderTest {

    static final String PASSWORD = "changeit";
    static Vertx vertx;
    static HttpServer server;
    static WebhookSender sender;
    static final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void receiver(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("receiver.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=receiver.test", "-ext",
                "SAN=dns:receiver.test", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD).inheritIO().start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        assertThat(Files.exists(keystore)).isTrue();
        PfxOptions pfx = new PfxOptions().setPath(keystore.toString()).setPassword(PASSWORD);
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true).setKeyCertOptions(pfx))
                .requestHandler(request -> request.body().onSuccess(body -> {
                    seen.add(request.path() + " sni=" + request.connection().indicatedServerName() + " host=" + request.getHeader("Host"));
                    switch (request.path()) {
                        case "/redirect" -> request.response().setStatusCode(302).putHeader("Location", "https://169.254.169.254/").end();
                        case "/hang" -> vertx.setTimer(10_000, t -> request.response().setStatusCode(200).end());
                        default -> request.response().setStatusCode(204).end();
                    }
                }))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        sender = new WebhookSender(vertx, WebhookSender.options().setTrustOptions(pfx));
    }

    @AfterAll
    static void stop() throws Exception {
        sender.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static WebhookTarget target(String host, String path) throws Exception {
        return new WebhookTarget("https", host, server.actualPort(), path, List.of(InetAddress.getByName("127.0.0.1")), false);
    }

    Integer post(WebhookTarget target, Duration timeout) throws Exception {
        return sender.post(target, target.addresses().get(0), Map.of("Content-Type", "application/json"), "{}", timeout)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void connectsToTheCheckedAddressWithTheHostNameForSniHostHeaderAndCertificate() throws Exception {
        assertThat(post(target("receiver.test", "/signals?bron=test"), Duration.ofSeconds(5))).isEqualTo(204);
        assertThat(seen).contains("/signals sni=receiver.test host=receiver.test:" + server.actualPort());
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        Throwable failure = catchFailure(() -> post(target("other.test", "/signals"), Duration.ofSeconds(5)));
        assertThat(DeliveryWorker.describe(failure)).isEqualTo("the TLS handshake failed (certificate or protocol)");
        assertThat(seen).noneMatch(line -> line.contains("other.test"));
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        assertThat(post(target("receiver.test", "/redirect"), Duration.ofSeconds(5))).isEqualTo(302);
        assertThat(seen.stream().filter(line -> line.startsWith("/redirect"))).hasSize(1);
    }

    @Test
    void aReceiverThatDoesNotAnswerTimesOut() {
        Throwable failure = catchFailure(() -> post(target("receiver.test", "/hang"), Duration.ofMillis(500)));
        assertThat(DeliveryWorker.describe(failure)).isEqualTo("no answer within the timeout");
    }

    interface Call {
        Object call() throws Exception;
    }

    static Throwable catchFailure(Call call) {
        try {
            call.call();
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("the call succeeded");
    }
}
