package io.crmkit.analytics.nba;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.internal.Parallel;
import io.crmkit.core.interaction.Channel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The row loop and the capacity pass of one run.
 *
 * <p>Per customer (in parallel chunks): the propositions passing the rule bitmaps and suitability
 * go to the contact gate, then are ranked by priority (ties: smaller proposition id). A customer
 * whose candidates need no capacity gets the first {@code perCustomer} at once. Otherwise the
 * customer's candidates up to the point where {@code perCustomer} capacity-free ones are reached go
 * into a pool; the capacity-bound ones among them are served across all customers in priority
 * order (ties: smaller row, then smaller proposition id), each taking a channel unit and a branch
 * unit, unless the customer's list is already full with better-ranked actions. Because a
 * customer's better-ranked candidates always come earlier in that global order, the count of
 * places already taken is known when each is served. Then each pooled customer's list is filled
 * in rank order. Chunks and the pool are merged in row order, so the outcome does not depend on
 * the number of threads. Not part of the API; stateless.
 */
final class Arbitration {

    static final int CHANNEL_FULL = 0;
    static final int BRANCH_FULL = 1;

    private Arbitration() {
    }

    static NbaResult run(NbaPlan plan, ProgressListener progress) {
        int n = plan.n;
        int k = plan.perCustomer;
        byte[] slots = new byte[n * k];
        Arrays.fill(slots, (byte) -1);
        int chunks = Parallel.chunkCount(n, Parallel.DEFAULT_CHUNK);
        Chunk[] out = new Chunk[chunks];
        Parallel.forEachChunk(n, Parallel.DEFAULT_CHUNK, plan.engine.parallelism(), "nba", progress,
                (c, from, to) -> out[c] = rows(plan, from, to, slots));
        Pool pool = Pool.merge(out);
        long[] capacityDrops = serve(plan, pool, slots);
        Map<Long, ContactDecision> contact = new HashMap<>();
        long suitabilityDrops = 0;
        long contactDrops = 0;
        for (Chunk c : out) {
            suitabilityDrops += c.suitabilityDrops;
            contactDrops += c.contactKeys.size;
            for (int i = 0; i < c.contactKeys.size; i++) {
                contact.put(c.contactKeys.data[i], c.contactDecisions[i]);
            }
        }
        return new NbaResult(plan, slots, contact, capacityDrops, suitabilityDrops, contactDrops);
    }

    /** The per-customer stages for rows [from, to); writes the slots of customers that need no capacity. */
    private static Chunk rows(NbaPlan plan, int from, int to, byte[] slots) {
        int p = plan.p;
        int perCustomer = plan.perCustomer;
        boolean gateAll = plan.engine.contactGate() == ContactGate.allowAll();
        ContactGate gate = plan.engine.contactGate();
        Channel[] channels = Channel.values();
        Chunk chunk = new Chunk();
        long[] words = new long[p];
        int[] candK = new int[p];
        double[] candP = new double[p];
        for (int base = from; base < to; base += 64) {
            int w = base >>> 6;
            for (int j = 0; j < p; j++) {
                words[j] = plan.pass[j][w];
            }
            int end = Math.min(64, to - base);
            for (int b = 0; b < end; b++) {
                long cand = 0;
                for (int j = 0; j < p; j++) {
                    cand |= ((words[j] >>> b) & 1L) << j;
                }
                if (cand == 0) {
                    continue;
                }
                int row = base + b;
                long ok = cand & plan.suitable[plan.riskLevel(row) + 1];
                chunk.suitabilityDrops += Long.bitCount(cand & ~ok);
                int m = 0;
                while (ok != 0) {
                    int j = Long.numberOfTrailingZeros(ok);
                    ok &= ok - 1;
                    if (!gateAll) {
                        Proposition prop = plan.props.get(j);
                        ContactDecision d = gate.decide(plan.frame, row, channels[plan.channelOf[j]], prop.purpose(),
                                plan.at);
                        if (d == null || !d.allowed()) {
                            chunk.contact(((long) row << 6) | j, d == null
                                    ? ContactDecision.deny("NO_DECISION", "The contact gate gave no decision") : d);
                            continue;
                        }
                    }
                    double pr = plan.priority(j, row);
                    int pos = m++;
                    while (pos > 0 && candP[pos - 1] < pr) { // equal priority: the smaller id stays first
                        candP[pos] = candP[pos - 1];
                        candK[pos] = candK[pos - 1];
                        pos--;
                    }
                    candP[pos] = pr;
                    candK[pos] = j;
                }
                boolean anyCapped = false;
                for (int i = 0; i < m && !anyCapped; i++) {
                    anyCapped = plan.capped(candK[i], row);
                }
                if (!anyCapped) {
                    int take = Math.min(m, perCustomer);
                    for (int i = 0; i < take; i++) {
                        slots[row * perCustomer + i] = (byte) candK[i];
                    }
                    continue;
                }
                int free = 0;
                chunk.pool.startRow(row);
                for (int i = 0; i < m && free < perCustomer; i++) {
                    boolean capped = plan.capped(candK[i], row);
                    chunk.pool.add(candK[i], candP[i], capped, free);
                    if (!capped) {
                        free++;
                    }
                }
            }
        }
        return chunk;
    }

    /**
     * Serves the pooled capacity-bound candidates in global priority order and fills the pooled
     * customers' lists. Returns the capacity drops as sorted keys {@code ((row << 6 | k) << 1) | why}.
     */
    private static long[] serve(NbaPlan plan, Pool pool, byte[] slots) {
        int perCustomer = plan.perCustomer;
        int cappedCount = 0;
        for (int e = 0; e < pool.size; e++) {
            cappedCount += pool.capped[e] ? 1 : 0;
        }
        int[] cappedIdx = new int[cappedCount];
        double[] cappedPri = new double[cappedCount];
        for (int e = 0, c = 0; e < pool.size; e++) {
            if (pool.capped[e]) {
                cappedIdx[c] = e;
                cappedPri[c++] = pool.priority[e];
            }
        }
        int[] order = PriorityOrder.descending(cappedPri, cappedCount);
        int[] channelLeft = plan.channelLimit.clone();
        int[] branchLeft = plan.branchLimitOfCode.clone();
        byte[] acceptedInGroup = new byte[pool.groups];
        boolean[] accepted = new boolean[pool.size];
        LongList drops = new LongList();
        for (int o : order) {
            int e = cappedIdx[o];
            int g = pool.group[e];
            int row = pool.groupRow[g];
            int k = pool.prop[e];
            if (pool.freeBefore[e] + acceptedInGroup[g] >= perCustomer) {
                continue; // the list is full with better-ranked actions: a customer-limit drop, no capacity used
            }
            int ch = plan.channelOf[k];
            int branchLimit = plan.branchLimit(k, row);
            if (plan.channelLimit[ch] >= 0 && channelLeft[ch] == 0) {
                drops.add(((((long) row << 6) | k) << 1) | CHANNEL_FULL);
                continue;
            }
            if (branchLimit >= 0 && branchLeft[plan.branchCodes[row]] == 0) {
                drops.add(((((long) row << 6) | k) << 1) | BRANCH_FULL);
                continue;
            }
            if (plan.channelLimit[ch] >= 0) {
                channelLeft[ch]--;
            }
            if (branchLimit >= 0) {
                branchLeft[plan.branchCodes[row]]--;
            }
            acceptedInGroup[g]++;
            accepted[e] = true;
        }
        for (int g = 0; g < pool.groups; g++) {
            int row = pool.groupRow[g];
            int taken = 0;
            for (int e = pool.groupStart[g]; e < pool.groupStart[g + 1] && taken < perCustomer; e++) {
                if (!pool.capped[e] || accepted[e]) {
                    slots[row * perCustomer + taken++] = pool.prop[e];
                }
            }
        }
        long[] sorted = Arrays.copyOf(drops.data, drops.size);
        Arrays.sort(sorted);
        return sorted;
    }

    /** One chunk's findings. */
    private static final class Chunk {
        long suitabilityDrops;
        final LongList contactKeys = new LongList();
        ContactDecision[] contactDecisions = new ContactDecision[16];
        final Pool pool = new Pool();

        void contact(long key, ContactDecision d) {
            if (contactKeys.size == contactDecisions.length) {
                contactDecisions = Arrays.copyOf(contactDecisions, contactDecisions.length * 2);
            }
            contactDecisions[contactKeys.size] = d;
            contactKeys.add(key);
        }
    }

    /** Candidates of the customers that need capacity, grouped by customer in rank order. */
    static final class Pool {
        int size;
        int groups;
        byte[] prop = new byte[64];
        double[] priority = new double[64];
        boolean[] capped = new boolean[64];
        byte[] freeBefore = new byte[64];
        int[] group = new int[64];
        int[] groupRow = new int[16];
        int[] groupStart = new int[17];

        void startRow(int row) {
            if (groups + 1 >= groupRow.length) {
                groupRow = Arrays.copyOf(groupRow, groupRow.length * 2);
                groupStart = Arrays.copyOf(groupStart, groupRow.length + 1);
            }
            groupRow[groups] = row;
            groupStart[groups] = size;
            groups++;
            groupStart[groups] = size;
        }

        void add(int k, double pr, boolean isCapped, int free) {
            if (size == prop.length) {
                int cap = prop.length * 2;
                prop = Arrays.copyOf(prop, cap);
                priority = Arrays.copyOf(priority, cap);
                capped = Arrays.copyOf(capped, cap);
                freeBefore = Arrays.copyOf(freeBefore, cap);
                group = Arrays.copyOf(group, cap);
            }
            prop[size] = (byte) k;
            priority[size] = pr;
            capped[size] = isCapped;
            freeBefore[size] = (byte) free;
            group[size] = groups - 1;
            size++;
            groupStart[groups] = size;
        }

        /** Concatenates the chunks' pools in chunk (row) order. */
        static Pool merge(Chunk[] chunks) {
            Pool all = new Pool();
            int size = 0;
            int groups = 0;
            for (Chunk c : chunks) {
                size += c.pool.size;
                groups += c.pool.groups;
            }
            all.prop = new byte[size];
            all.priority = new double[size];
            all.capped = new boolean[size];
            all.freeBefore = new byte[size];
            all.group = new int[size];
            all.groupRow = new int[groups];
            all.groupStart = new int[groups + 1];
            for (Chunk c : chunks) {
                Pool p = c.pool;
                System.arraycopy(p.prop, 0, all.prop, all.size, p.size);
                System.arraycopy(p.priority, 0, all.priority, all.size, p.size);
                System.arraycopy(p.capped, 0, all.capped, all.size, p.size);
                System.arraycopy(p.freeBefore, 0, all.freeBefore, all.size, p.size);
                for (int e = 0; e < p.size; e++) {
                    all.group[all.size + e] = p.group[e] + all.groups;
                }
                for (int g = 0; g < p.groups; g++) {
                    all.groupRow[all.groups + g] = p.groupRow[g];
                    all.groupStart[all.groups + g] = p.groupStart[g] + all.size;
                }
                all.size += p.size;
                all.groups += p.groups;
            }
            all.groupStart[all.groups] = all.size;
            return all;
        }
    }

    /** A growable long array. */
    static final class LongList {
        long[] data = new long[16];
        int size;

        void add(long v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }
    }
}
