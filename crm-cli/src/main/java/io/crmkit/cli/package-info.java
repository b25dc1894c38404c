/**
 * The {@code crm-cli} command line: one picocli command class per subcommand, all registered in
 * {@link io.crmkit.cli.CrmCli}; {@link io.crmkit.cli.StoreOptions} opens the store every command shares.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.cli;

import org.jspecify.annotations.NullMarked;
