import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the topics listed in topics.txt that do not exist yet (one JVM instead of one per topic). */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(args[1]))) {
                String[] f = line.trim().split("\\s+");
                if (line.isBlank() || line.startsWith("#") || existing.contains(f[0])) {
                    continue;
                }
                Map<String, String> topicConfig = new HashMap<>();
                if (!f[2].equals("-")) {
                    for (String pair : f[2].split(",")) {
                        topicConfig.put(pair.split("=")[0], pair.split("=")[1]);
                    }
                }
                missing.add(new NewTopic(f[0], Integer.parseInt(f[1]), (short) 1).configs(topicConfig));
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            System.out.println("created " + missing.size() + " topic(s), " + existing.size() + " existed");
        }
    }
}
