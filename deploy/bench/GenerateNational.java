import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates a national-scale data set for the import benchmark: 342 municipalities, about 3,100 districts and
 * 14,600 neighbourhoods (CBS-shaped codes), and their Leefbaarometer scores for nine measurement years in the
 * open-data format (semicolons, decimal commas). The areas come as the CBS table "Kerncijfers wijken en buurten" of each
 * measurement year (registry-YEAR.csv: semicolons, quoted text, codes and kinds padded with spaces, a row for the country;
 * households grow a little from year to year), since a Leefbaarometer row counts only where its area is registered for
 * the registry year that applies to it. The baselines get the same rows tab-separated for PostgreSQL's COPY: the areas of
 * every year (areas.tsv) and the observations (observations.tsv). Usage: java GenerateNational.java OUTPUT_FOLDER
 */
public class GenerateNational {

    static final int MUNICIPALITIES = 342;
    static final int NEIGHBOURHOODS = 14_600;
    static final int[] YEARS = { 2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024 };
    static final String[] DIMENSIONS = { "won", "fys", "vrz", "soc", "onv" };

    /** An area of the registry: its households in the first year, more by half a percent every year after. */
    record Area(String code, String kind, String name, String parent, int households) {
        int households(int yearIndex) {
            return (int) Math.round(households * (1 + 0.005 * yearIndex));
        }
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Random random = new Random(2024);
        List<Area> areas = new ArrayList<>();
        int neighbourhoods = 0;
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("leefbaarometer.csv")));
                PrintWriter copy = new PrintWriter(Files.newBufferedWriter(out.resolve("observations.tsv")))) {
            csv.println("bu_code;bu_naam;jaar;lbm;afw;won;fys;vrz;soc;onv");
            for (int m = 1; m <= MUNICIPALITIES; m++) {
                String gm = String.format("%04d", 1000 + m);
                areas.add(new Area("GM" + gm, "Gemeente", "Gemeente " + m, null, 20_000 + random.nextInt(60_000)));
                int districts = m <= 4 ? 110 : 7 + random.nextInt(6);
                for (int d = 0; d < districts && neighbourhoods < NEIGHBOURHOODS; d++) {
                    // municipalities with 100 or more districts use capitals (CBS), e.g. WK1001A3
                    String wk = gm + (d < 100 ? String.format("%02d", d) : "A" + (char) ('A' + d - 100));
                    areas.add(new Area("WK" + wk, "Wijk", "Wijk " + wk, "GM" + gm, 2_000 + random.nextInt(6_000)));
                    int count = m <= 4 ? 3 : 4 + random.nextInt(3);
                    for (int b = 0; b < count && neighbourhoods < NEIGHBOURHOODS; b++, neighbourhoods++) {
                        String bu = "BU" + wk + String.format("%02d", b);
                        areas.add(new Area(bu, "Buurt", "Buurt " + bu, "WK" + wk, 50 + random.nextInt(3_000)));
                        double[] level = new double[5];
                        for (int i = 0; i < 5; i++) {
                            level[i] = random.nextGaussian() * 0.04;
                        }
                        for (int year : YEARS) {
                            double afw = 0;
                            double[] score = new double[5];
                            for (int i = 0; i < 5; i++) {
                                score[i] = level[i] + random.nextGaussian() * 0.01;
                                afw += score[i];
                            }
                            csv.printf("%s;Buurt %s;%d;%s;%s;%s;%s;%s;%s;%s%n", bu, bu, year, dec(4.05 + afw), dec(afw),
                                    dec(score[0]), dec(score[1]), dec(score[2]), dec(score[3]), dec(score[4]));
                            copy.printf(Locale.ROOT, "%s\tlbm.lbm\t%d\t%d-01-01\t%.4f\tleefbaarometer%n", bu, year, year, 4.05 + afw);
                            copy.printf(Locale.ROOT, "%s\tlbm.afw\t%d\t%d-01-01\t%.4f\tleefbaarometer%n", bu, year, year, afw);
                            for (int i = 0; i < 5; i++) {
                                copy.printf(Locale.ROOT, "%s\tlbm.%s\t%d\t%d-01-01\t%.4f\tleefbaarometer%n", bu, DIMENSIONS[i], year, year, score[i]);
                            }
                        }
                    }
                }
            }
        }
        try (PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(out.resolve("areas.tsv")))) {
            for (int y = 0; y < YEARS.length; y++) {
                try (PrintWriter registry = new PrintWriter(Files.newBufferedWriter(out.resolve("registry-" + YEARS[y] + ".csv")))) {
                    registry.print("\"ID\";\"WijkenEnBuurten\";\"Gemeentenaam_1\";\"SoortRegio_2\";\"Codering_3\";\"AantalInwoners_5\";"
                            + "\"HuishoudensTotaal_29\";\"Woningvoorraad_35\"\r\n");
                    registry.print("1;\"Nederland\";\"Nederland                               \";\"Land      \";\"NL00      \";17942942;8195000;8100000\r\n");
                    int id = 2;
                    String municipality = null;
                    for (Area area : areas) {
                        municipality = area.parent() == null ? area.name() : municipality;
                        int households = area.households(y);
                        registry.printf("%d;\"%s\";\"%-40s\";\"%-10s\";\"%-10s\";.;%d;%d\r\n", id++, area.name(), municipality, area.kind(),
                                area.code(), households, households + households / 20);
                        tsv.printf("%s\t%d\t%s\t%s\t%s\t%d\t%d%n", area.code(), YEARS[y], level(area.kind()), area.name(),
                                area.parent() == null ? "\\N" : area.parent(), households, households + households / 20);
                    }
                }
            }
        }
        System.out.println(neighbourhoods + " neighbourhoods x " + YEARS.length + " years; " + areas.size() + " areas a year");
    }

    static String level(String kind) {
        return switch (kind) {
            case "Gemeente" -> "MUNICIPALITY";
            case "Wijk" -> "DISTRICT";
            default -> "NEIGHBOURHOOD";
        };
    }

    static String dec(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replace('.', ',');
    }
}
