import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Generates a national-scale data set for the import benchmark: 342 municipalities, about 3,350 districts and
 * 14,600 neighbourhoods (CBS-shaped codes), and their Leefbaarometer scores for nine measurement years in the
 * open-data format (semicolons, decimal commas). Also writes the same observations as tab-separated rows for
 * PostgreSQL's COPY, the baseline. Usage: java GenerateNational.java OUTPUT_FOLDER
 */
public class GenerateNational {

    static final int MUNICIPALITIES = 342;
    static final int NEIGHBOURHOODS = 14_600;
    static final int[] YEARS = { 2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024 };
    static final String[] DIMENSIONS = { "won", "fys", "vrz", "soc", "onv" };

    /**
     * An area registered for every measurement year: a Leefbaarometer row counts only where its area is registered for the
     * registry year that applies to it.
     */
    static void area(PrintWriter areas, String code, String level, String name, String parent, int households) {
        for (int year : YEARS) {
            areas.printf("%s\t%d\t%s\t%s\t%s\t%d%n", code, year, level, name, parent, households);
        }
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Random random = new Random(2024);
        int neighbourhoods = 0;
        try (PrintWriter areas = new PrintWriter(Files.newBufferedWriter(out.resolve("areas.tsv")));
                PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("leefbaarometer.csv")));
                PrintWriter copy = new PrintWriter(Files.newBufferedWriter(out.resolve("observations.tsv")))) {
            csv.println("bu_code;bu_naam;jaar;lbm;afw;won;fys;vrz;soc;onv");
            for (int m = 1; m <= MUNICIPALITIES; m++) {
                String gm = String.format("%04d", 1000 + m);
                area(areas, "GM" + gm, "MUNICIPALITY", "Gemeente " + m, "\\N", 20_000 + random.nextInt(60_000));
                int districts = m <= 4 ? 110 : 7 + random.nextInt(6);
                for (int d = 0; d < districts && neighbourhoods < NEIGHBOURHOODS; d++) {
                    // municipalities with 100 or more districts use capitals (CBS), e.g. WK1001A3
                    String wk = gm + (d < 100 ? String.format("%02d", d) : "A" + (char) ('A' + d - 100));
                    area(areas, "WK" + wk, "DISTRICT", "Wijk " + wk, "\\N", 2_000 + random.nextInt(6_000));
                    int count = m <= 4 ? 3 : 4 + random.nextInt(3);
                    for (int b = 0; b < count && neighbourhoods < NEIGHBOURHOODS; b++, neighbourhoods++) {
                        String bu = "BU" + wk + String.format("%02d", b);
                        int households = 50 + random.nextInt(3_000);
                        area(areas, bu, "NEIGHBOURHOOD", "Buurt " + bu, "WK" + wk, households);
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
        System.out.println(neighbourhoods + " neighbourhoods x " + YEARS.length + " years");
    }

    static String dec(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replace('.', ',');
    }
}
