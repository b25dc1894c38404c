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
 * in rank order.
 *
 * <p>The global order is built lazily ({@link PriorityOrder}): serving stops as soon as no
 * remaining candidate could get capacity, so a run whose limits are small against the candidates
 * sorts only the top of them. Drops are not stored: each limit records the candidate that took its
 * last unit, and a drop's cause is worked out on request from that. Chunks and the pool are merged
 * in row order, so the outcome does not depend on the number of threads.
 *
 * <p>Candidates of a channel with a limit that lie far below what uses the limit up are not pooled
 * at all ({@link Floors}); a floor that turns out too high is detected after serving and the run
 * is repeated with a lower one, so the floors change the work, never the outcome. Not part of the
 * API; stateless.
 */
final class Arbitration {

    private Arbitration() {
    }

    static NbaResult run(NbaPlan plan, ProgressListener progress) {
        for (double margin : Floors.MARGINS) {
            Attempt a = attempt(plan, Floors.of(plan, margin), progress);
            if (a != null) {
                return a.result;
            }
        }
        return attempt(plan, Floors.none(), progress).result;
    }

    private record Attempt(NbaResult result) {
    }

    /**
     * One pass of the row stages and the capacity serving, leaving out capacity-bound candidates
     * of a channel with a limit whose priority is below that channel's floor. Null when a channel
     * with a floor did not use up its limit: a left-out candidate might then have taken a unit, so
     * the caller tries again with lower floors. When every such limit is used up, the left-out
     * candidates come after the candidate that took their channel's last unit in serving order and
     * would have been refused without changing anything, so the outcome is that of the full pool.
     */
    private static Attempt attempt(NbaPlan plan, double[] floor, ProgressListener progress) {
        int n = plan.n;
        byte[] slots = new byte[n * plan.perCustomer];
        Arrays.fill(slots, (byte) -1);
        int chunks = Parallel.chunkCount(n, Parallel.DEFAULT_CHUNK);
        Chunk[] out = new Chunk[chunks];
        Parallel.forEachChunk(n, Parallel.DEFAULT_CHUNK, plan.engine.parallelism(), "nba", progress,
                (c, from, to) -> out[c] = rows(plan, from, to, slots, floor));
        Pool pool = Pool.merge(out);
        int[] channelLeft = plan.channelLimit.clone();
        FullAt full = serve(plan, pool, slots, channelLeft);
        for (int ch = 0; ch < floor.length; ch++) {
            if (floor[ch] > Double.NEGATIVE_INFINITY && channelLeft[ch] != 0) {
                return null;
            }
        }
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
        return new Attempt(new NbaResult(plan, slots, contact, full, suitabilityDrops, contactDrops));
    }

    /** The per-customer stages for rows [from, to); writes the slots of customers that need no capacity. */
    private static Chunk rows(NbaPlan plan, int from, int to, byte[] slots, double[] floor) {
        int p = plan.p;
        int perCustomer = plan.perCustomer;
        boolean gateAll = plan.engine.contactGate() == ContactGate.allowAll();
        ContactGate gate = plan.engine.contactGate();
        Channel[] channels = Channel.values();
        Chunk chunk = new Chunk();
        long[] cand = new long[64];
        int[] candK = new int[p];
        double[] candP = new double[p];
        for (int base = from; base < to; base += 64) {
            int w = base >>> 6;
            Arrays.fill(cand, 0L);
            // Spread each proposition's passing rows of this block into per-row masks: work in
            // proportion to the passing pairs, not to rows x propositions.
            for (int j = 0; j < p; j++) {
                long word = plan.pass[j][w];
                while (word != 0) {
                    cand[Long.numberOfTrailingZeros(word)] |= 1L << j;
                    word &= word - 1;
                }
            }
            int end = Math.min(64, to - base);
            for (int b = 0; b < end; b++) {
                if (cand[b] == 0) {
                    continue;
                }
                int row = base + b;
                long ok = cand[b] & plan.suitable[plan.riskLevel(row) + 1];
                chunk.suitabilityDrops += Long.bitCount(cand[b] & ~ok);
                long capped = plan.cappedMask(row);
                // The ranked list is kept only down to the perCustomer-th capacity-free candidate:
                // nothing below it can be recommended or take capacity, so it is never stored.
                int m = 0;
                int freeIn = 0;
                while (ok != 0) {
                    int j = Long.numberOfTrailingZeros(ok);
                    ok &= ok - 1;
                    if (!gateAll) {
                        ContactDecision d = gate.decide(plan.frame, row, channels[plan.channelOf[j]],
                                plan.props.get(j).purpose(), plan.at);
                        if (d == null || !d.allowed()) {
                            chunk.contact(((long) row << 6) | j, d == null
                                    ? ContactDecision.deny("NO_DECISION", "The contact gate gave no decision") : d);
                            continue;
                        }
                    }
                    double pr = plan.priority(j, row);
                    if (pr < floor[plan.channelOf[j]] // below its channel's floor (see attempt)
                            || freeIn == perCustomer && candP[m - 1] >= pr) { // ranks below the cut
                        continue;
                    }
                    int pos = m++;
                    while (pos > 0 && candP[pos - 1] < pr) { // equal priority: the smaller id stays first
                        candP[pos] = candP[pos - 1];
                        candK[pos] = candK[pos - 1];
                        pos--;
                    }
                    candP[pos] = pr;
                    candK[pos] = j;
                    freeIn += (capped >>> j & 1L) != 0 ? 0 : 1;
                    // cut after the perCustomer-th free candidate
                    while (freeIn > perCustomer || freeIn == perCustomer && (capped >>> candK[m - 1] & 1L) != 0) {
                        freeIn -= (capped >>> candK[--m] & 1L) != 0 ? 0 : 1;
                    }
                }
                if ((chosenMask(candK, m) & capped) == 0) {
                    for (int i = 0; i < m; i++) {
                        slots[row * perCustomer + i] = (byte) candK[i];
                    }
                    continue;
                }
                int free = 0;
                chunk.pool.startRow(row);
                for (int i = 0; i < m; i++) {
                    boolean isCapped = (capped >>> candK[i] & 1L) != 0;
                    chunk.pool.add(row, candK[i], candP[i], isCapped, free);
                    if (!isCapped) {
                        free++;
                    }
                }
            }
        }
        return chunk;
    }

    /** The propositions of the first m entries of a ranked list, as a mask. */
    private static long chosenMask(int[] candK, int m) {
        long mask = 0;
        for (int i = 0; i < m; i++) {
            mask |= 1L << candK[i];
        }
        return mask;
    }

    /**
     * Serves the pooled capacity-bound candidates in global priority order, fills the pooled
     * customers' lists, and returns for every limit the candidate that took its last unit.
     */
    private static FullAt serve(NbaPlan plan, Pool pool, byte[] slots, int[] channelLeft) {
        Capped capped = Capped.of(plan, pool);
        int perCustomer = plan.perCustomer;
        int branchOnly = capped.branchOnly;
        int[] branchLeft = plan.branchLimitOfCode.clone();
        FullAt full = new FullAt(channelLeft, branchLeft);
        byte[] acceptedInRow = new byte[plan.n];
        boolean[] accepted = new boolean[capped.count];
        PriorityOrder order = new PriorityOrder(capped.priority, capped.count);
        int[] batch;
        int[] rowOf = new int[0];
        int[] infoOf = new int[0];
        int[] branchOf = new int[0];
        while (!full.noneLeft(channelLeft, branchLeft, branchOnly) && (batch = order.next()) != null) {
            // Gather the batch's fields first: independent loads from arrays laid out in pool
            // order, which the processor overlaps, instead of a chain of cache misses per entry.
            int len = batch.length;
            if (rowOf.length < len) {
                rowOf = new int[len];
                infoOf = new int[len];
                branchOf = new int[len];
            }
            for (int i = 0; i < len; i++) {
                int c = batch[i];
                rowOf[i] = capped.row[c];
                infoOf[i] = capped.info[c];
                branchOf[i] = capped.branch[c];
            }
            for (int i = 0; i < len; i++) {
                int row = rowOf[i];
                int info = infoOf[i];
                int k = info & 0xFF;
                int ch = plan.channelOf[k];
                boolean channelLimited = plan.channelLimit[ch] >= 0;
                branchOnly -= channelLimited ? 0 : 1;
                if ((info >>> 8) + acceptedInRow[row] >= perCustomer) {
                    continue; // the list is full with better-ranked actions: no capacity used
                }
                int branch = branchOf[i];
                if (channelLimited && channelLeft[ch] == 0 || branch >= 0 && branchLeft[branch] == 0) {
                    continue;
                }
                double pr = capped.priority[batch[i]];
                if (channelLimited && --channelLeft[ch] == 0) {
                    full.channel(ch, pr, row, k);
                }
                if (branch >= 0 && --branchLeft[branch] == 0) {
                    full.branch(branch, pr, row, k);
                }
                acceptedInRow[row]++;
                accepted[batch[i]] = true;
            }
        }
        int c = 0;
        for (int g = 0; g < pool.groups; g++) {
            int row = pool.groupRow[g];
            int taken = 0;
            for (int e = pool.groupStart[g]; e < pool.groupStart[g + 1]; e++) {
                boolean isCapped = pool.capped[e];
                boolean take = !isCapped || accepted[c];
                c += isCapped ? 1 : 0;   // capped entries are numbered in pool order
                if (take && taken < perCustomer) {
                    slots[row * perCustomer + taken++] = pool.prop[e];
                }
            }
        }
        return full;
    }

    /**
     * The pool's capacity-bound entries, numbered in pool order, with what serving reads of each:
     * row, proposition and free places before it ({@code info}: proposition | freeBefore << 8), the
     * branch whose limit applies (or -1) and the priority.
     */
    private static final class Capped {
        final int count;
        final int branchOnly;
        final int[] row;
        final int[] info;
        final int[] branch;
        final double[] priority;

        private Capped(int count, int branchOnly) {
            this.count = count;
            this.branchOnly = branchOnly;
            this.row = new int[count];
            this.info = new int[count];
            this.branch = new int[count];
            this.priority = new double[count];
        }

        static Capped of(NbaPlan plan, Pool pool) {
            int count = 0;
            int branchOnly = 0;
            for (int e = 0; e < pool.size; e++) {
                if (pool.capped[e]) {
                    count++;
                    branchOnly += plan.channelLimit[plan.channelOf[pool.prop[e]]] < 0 ? 1 : 0;
                }
            }
            Capped out = new Capped(count, branchOnly);
            for (int e = 0, c = 0; e < pool.size; e++) {
                if (pool.capped[e]) {
                    int k = pool.prop[e];
                    int row = pool.row[e];
                    out.row[c] = row;
                    out.info[c] = k | pool.freeBefore[e] << 8;
                    out.branch[c] = plan.branchLimit(k, row) >= 0 ? plan.branchCodes[row] : -1;
                    out.priority[c++] = pool.priority[e];
                }
            }
            return out;
        }
    }

    /**
     * For every channel and branch limit, the candidate (priority, row, proposition) that took its
     * last unit; a limit of 0 is full before every candidate, one never used up has none.
     */
    static final class FullAt {
        final double[] channelPri;
        final int[] channelRow;
        final int[] channelK;
        final double[] branchPri;
        final int[] branchRow;
        final int[] branchK;

        FullAt(int[] channelLimits, int[] branchLimits) {
            channelPri = initial(channelLimits);
            channelRow = new int[channelLimits.length];
            channelK = new int[channelLimits.length];
            branchPri = initial(branchLimits);
            branchRow = new int[branchLimits.length];
            branchK = new int[branchLimits.length];
        }

        private static double[] initial(int[] limits) {
            double[] pri = new double[limits.length];
            for (int i = 0; i < limits.length; i++) {
                pri[i] = limits[i] == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
            }
            return pri;
        }

        void channel(int ch, double pr, int row, int k) {
            channelPri[ch] = pr;
            channelRow[ch] = row;
            channelK[ch] = k;
        }

        void branch(int b, double pr, int row, int k) {
            branchPri[b] = pr;
            branchRow[b] = row;
            branchK[b] = k;
        }

        boolean channelFullBefore(int ch, double pr, int row, int k) {
            return before(channelPri[ch], channelRow[ch], channelK[ch], pr, row, k);
        }

        boolean branchFullBefore(int b, double pr, int row, int k) {
            return before(branchPri[b], branchRow[b], branchK[b], pr, row, k);
        }

        /** Whether (pa, ra, ka) comes before (pb, rb, kb) in serving order; NaN never does. */
        private static boolean before(double pa, int ra, int ka, double pb, int rb, int kb) {
            return pa > pb || pa == pb && (ra < rb || ra == rb && ka < kb);
        }

        /** Whether no remaining candidate could get capacity: every channel limit used up, and no branch-only one left. */
        boolean noneLeft(int[] channelLeft, int[] branchLeft, int branchOnlyLeft) {
            for (int left : channelLeft) {
                if (left > 0) {
                    return false;
                }
            }
            if (branchOnlyLeft == 0) {
                return true;
            }
            for (int left : branchLeft) {
                if (left > 0) {
                    return false;
                }
            }
            return true;
        }
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
        int[] row = new int[64];
        byte[] prop = new byte[64];
        double[] priority = new double[64];
        boolean[] capped = new boolean[64];
        byte[] freeBefore = new byte[64];
        int[] groupRow = new int[16];
        int[] groupStart = new int[17];

        void startRow(int r) {
            if (groups + 1 >= groupRow.length) {
                groupRow = Arrays.copyOf(groupRow, groupRow.length * 2);
                groupStart = Arrays.copyOf(groupStart, groupRow.length + 1);
            }
            groupRow[groups] = r;
            groupStart[groups] = size;
            groups++;
            groupStart[groups] = size;
        }

        void add(int r, int k, double pr, boolean isCapped, int free) {
            if (size == prop.length) {
                int cap = prop.length * 2;
                row = Arrays.copyOf(row, cap);
                prop = Arrays.copyOf(prop, cap);
                priority = Arrays.copyOf(priority, cap);
                capped = Arrays.copyOf(capped, cap);
                freeBefore = Arrays.copyOf(freeBefore, cap);
            }
            row[size] = r;
            prop[size] = (byte) k;
            priority[size] = pr;
            capped[size] = isCapped;
            freeBefore[size] = (byte) free;
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
            all.row = new int[size];
            all.prop = new byte[size];
            all.priority = new double[size];
            all.capped = new boolean[size];
            all.freeBefore = new byte[size];
            all.groupRow = new int[groups];
            all.groupStart = new int[groups + 1];
            for (Chunk c : chunks) {
                Pool p = c.pool;
                System.arraycopy(p.row, 0, all.row, all.size, p.size);
                System.arraycopy(p.prop, 0, all.prop, all.size, p.size);
                System.arraycopy(p.priority, 0, all.priority, all.size, p.size);
                System.arraycopy(p.capped, 0, all.capped, all.size, p.size);
                System.arraycopy(p.freeBefore, 0, all.freeBefore, all.size, p.size);
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
