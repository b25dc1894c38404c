package io.crmkit.quality.testing;

import io.crmkit.core.customer.Identifier;
import io.crmkit.quality.dedup.MatchRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A generated customer population with planted duplicates and hard negatives, for measuring
 * duplicate detection. About 10% of people get a duplicate record carrying realistic damage: a
 * typo in the name, the name order swapped, the phone in another format (spaces, dashes, 0086,
 * full-width digits), full-width letters, fields missing, day and month of the birth date swapped.
 * About 3% of people are hard negatives: one of three very common Chinese names in the same
 * city, but different people (their own birth dates, phones, e-mails and IDs). Deterministic for a seed.
 *
 * <p>Not thread-safe.
 *
 * @param records the records, keys {@code R0000001}...
 * @param truePairs the planted duplicate pairs, as {@code "smallerKey|largerKey"}
 * @param hardNegatives the keys of the hard negatives (a common name in Shanghai, each a different person)
 */
public record DedupPopulation(List<MatchRecord> records, Set<String> truePairs, Set<String> hardNegatives) {
    private static final String[] SURNAMES = {"Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
        "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han",
        "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Yu", "Du", "Ye",
        "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Fan"};
    private static final String[] GIVEN = {"Wei", "Fang", "Na", "Min", "Jing", "Lei", "Yang", "Jun", "Yan", "Tao", "Ming",
        "Xiu", "Hua", "Ping", "Gang", "Hong", "Qiang", "Li", "Mei", "Ling", "Bo", "Hui", "Chao", "Xin", "Yu", "Lan", "Kai",
        "Peng", "Rui", "Ting", "Hao", "Jie", "Long", "Qing", "Shan", "Wen", "Xia", "Yi", "Zhen", "Zi"};
    private static final String[] HAN_SURNAMES = {"张", "王", "李", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] HAN_GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "军", "艳", "涛", "明", "秀"};
    private static final String[] COMMON = {"Zhang Wei", "Wang Fang", "Li Na"};
    private static final String[] CITIES = {"Shanghai", "Beijing", "Guangzhou", "Shenzhen", "Hangzhou", "Chengdu",
        "Wuhan", "Nanjing", "Tianjin", "Xi'an", "Suzhou", "Chongqing"};

    /** About {@code size} records (people plus their duplicates). */
    public static DedupPopulation generate(int size, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<MatchRecord> out = new ArrayList<>(size);
        Set<String> pairs = new HashSet<>();
        Set<String> negatives = new HashSet<>();
        int person = 0;
        while (out.size() < size) {
            person++;
            boolean hardNegative = rnd.nextInt(100) < 3;
            int si = rnd.nextInt(SURNAMES.length);
            int gi = rnd.nextInt(GIVEN.length);
            String name = hardNegative ? COMMON[rnd.nextInt(COMMON.length)]
                    : SURNAMES[si] + " " + GIVEN[gi] + (rnd.nextBoolean() ? GIVEN[rnd.nextInt(GIVEN.length)].toLowerCase() : "");
            // The local name follows the Latin one, as a person's two names do.
            String local = hardNegative ? null : HAN_SURNAMES[si % HAN_SURNAMES.length] + HAN_GIVEN[gi % HAN_GIVEN.length];
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(rnd.nextInt(24_000));
            String phone = "+86 1" + (38 + rnd.nextInt(2)) + String.format(" %04d %04d", person / 10_000 % 10_000, person % 10_000);
            String email = name.toLowerCase().replace(' ', '.') + person + (rnd.nextBoolean() ? "@example.com" : "@gmail.com");
            List<Identifier> ids = rnd.nextInt(10) < 7 ? List.of(Identifier.nationalId("CN", GeneratedFeed.residentId(birth, person)))
                    : List.of();
            String city = hardNegative ? "Shanghai" : CITIES[rnd.nextInt(CITIES.length)];
            String key = String.format("R%07d", out.size());
            out.add(new MatchRecord(key, name, local, birth, List.of(phone), List.of(email), ids, city));
            if (hardNegative) {
                negatives.add(key);
            }
            if (!hardNegative && rnd.nextInt(100) < 10 && out.size() < size) {
                String dupKey = String.format("R%07d", out.size());
                out.add(damage(dupKey, name, local, birth, phone, email, ids, city, rnd));
                pairs.add(key + "|" + dupKey);
            }
        }
        return new DedupPopulation(out, pairs, negatives);
    }

    private static MatchRecord damage(String key, String name, String local, LocalDate birth, String phone, String email,
            List<Identifier> ids, String city, SplittableRandom rnd) {
        String n = name;
        if (rnd.nextInt(100) < 35) {
            n = typo(n, rnd);
        }
        if (rnd.nextInt(100) < 30) {
            String[] t = n.split(" ");
            n = t[1] + " " + t[0];
        }
        if (rnd.nextInt(100) < 15) {
            n = fullWidth(n.toUpperCase());
        }
        String digits = phone.replace("+86", "").replace(" ", "");
        String p = switch (rnd.nextInt(5)) {
            case 0 -> digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
            case 1 -> "0086 " + digits;
            case 2 -> fullWidth(digits);
            case 3 -> "(+86) " + digits.substring(0, 3) + " " + digits.substring(3);
            default -> digits;
        };
        String e = rnd.nextBoolean() ? email.toUpperCase() : email;
        if (e.toLowerCase().endsWith("@gmail.com") && rnd.nextBoolean()) {
            int at = e.indexOf('@');
            e = e.substring(0, at).replace(".", "") + "+crm" + e.substring(at);
        }
        LocalDate b = birth;
        if (rnd.nextInt(100) < 20 && b.getDayOfMonth() <= 12 && b.getDayOfMonth() != b.getMonthValue()) {
            b = LocalDate.of(b.getYear(), b.getDayOfMonth(), b.getMonthValue());
        }
        // Missing fields: drop up to two of phone, e-mail, identifier, birth date, local name, city.
        List<String> phones = List.of(p);
        List<String> emails = List.of(e);
        List<Identifier> ident = ids;
        String loc = local;
        String c = city;
        int drops = rnd.nextInt(3);
        for (int d = 0; d < drops; d++) {
            switch (rnd.nextInt(6)) {
                case 0 -> phones = List.of();
                case 1 -> emails = List.of();
                case 2 -> ident = List.of();
                case 3 -> b = null;
                case 4 -> loc = null;
                default -> c = null;
            }
        }
        return new MatchRecord(key, n, loc, b, phones, emails, ident, c);
    }

    /** Replaces one letter after the first with its neighbour in the alphabet. */
    private static String typo(String s, SplittableRandom rnd) {
        for (int tries = 0; tries < 10; tries++) {
            int i = 1 + rnd.nextInt(s.length() - 1);
            char ch = s.charAt(i);
            if (Character.isLetter(ch) && s.charAt(i - 1) != ' ') {
                char r = ch == 'z' ? 'y' : (char) (ch + 1);
                return s.substring(0, i) + r + s.substring(i + 1);
            }
        }
        return s;
    }

    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(ch >= '!' && ch <= '~' ? (char) (ch - '!' + '\uFF01') : ch == ' ' ? '\u3000' : ch);
        }
        return b.toString();
    }
}
