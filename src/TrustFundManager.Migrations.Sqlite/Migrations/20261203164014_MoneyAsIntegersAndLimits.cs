using System;
using System.Linq;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MoneyAsIntegersAndLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every amount was text ("1234.5", "1234.0"); it becomes the exact count of ten-thousandths (12345000),
            // computed from its digits, never through floating point. An amount with a fifth decimal would lose it: it
            // stops the migration instead (json() of something that is not JSON raises an error).

            // Deposits and transfers refuse updates (triggers), so their tables are rebuilt here with the amounts
            // converted on the way, and their triggers made again: SQLite's own rebuild, which EF runs for the other
            // tables at the end of the migration, would drop the triggers with the old table.
            migrationBuilder.Sql($"""
                CREATE TABLE "ef_temp_Transfers" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_Transfers" PRIMARY KEY,
                    "AmountUsd" INTEGER NOT NULL,
                    "Organization" TEXT NOT NULL,
                    "ProgrammeId" TEXT NOT NULL,
                    "RecordedAt" INTEGER NOT NULL,
                    "RecordedBy" TEXT NOT NULL,
                    "Reference" TEXT NOT NULL,
                    "Tranche" INTEGER NOT NULL,
                    "TransferredOn" TEXT NOT NULL,
                    CONSTRAINT "CK_Transfers_AmountUsd" CHECK (AmountUsd > 0),
                    CONSTRAINT "FK_Transfers_JointProgrammes_ProgrammeId" FOREIGN KEY ("ProgrammeId") REFERENCES "JointProgrammes" ("Id") ON DELETE RESTRICT
                );
                INSERT INTO "ef_temp_Transfers" ("Id", "AmountUsd", "Organization", "ProgrammeId", "RecordedAt", "RecordedBy", "Reference", "Tranche", "TransferredOn")
                SELECT "Id", {UnitsOf("\"AmountUsd\"")}, "Organization", "ProgrammeId", "RecordedAt", "RecordedBy", "Reference", "Tranche", "TransferredOn"
                FROM "Transfers";
                DROP TABLE "Transfers";
                ALTER TABLE "ef_temp_Transfers" RENAME TO "Transfers";
                CREATE INDEX "IX_Transfers_Organization" ON "Transfers" ("Organization");
                CREATE UNIQUE INDEX "IX_Transfers_ProgrammeId_Organization_Tranche" ON "Transfers" ("ProgrammeId", "Organization", "Tranche");
                CREATE UNIQUE INDEX "IX_Transfers_ProgrammeId_Reference" ON "Transfers" ("ProgrammeId", "Reference");
                CREATE INDEX "IX_Transfers_TransferredOn" ON "Transfers" ("TransferredOn");
                CREATE TRIGGER Transfers_NoUpdate BEFORE UPDATE ON Transfers BEGIN SELECT RAISE(ABORT, 'Recorded transfers never change.'); END;
                CREATE TRIGGER Transfers_NoDelete BEFORE DELETE ON Transfers BEGIN SELECT RAISE(ABORT, 'Recorded transfers never change.'); END;
                """);
            migrationBuilder.Sql($"""
                CREATE TABLE "ef_temp_Deposits" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_Deposits" PRIMARY KEY,
                    "Amount" INTEGER NOT NULL,
                    "AmountUsd" INTEGER NOT NULL,
                    "ContributionId" TEXT NOT NULL,
                    "Currency" TEXT NOT NULL,
                    "DonorId" TEXT NOT NULL,
                    "EarmarkedAreaNumber" INTEGER NULL,
                    "FeeRate" TEXT NOT NULL,
                    "FeeUsd" INTEGER NOT NULL,
                    "NetUsd" INTEGER NOT NULL,
                    "Number" INTEGER NOT NULL,
                    "RateToUsd" TEXT NOT NULL,
                    "ReceivedOn" TEXT NOT NULL,
                    "RecordedAt" INTEGER NOT NULL,
                    "RecordedBy" TEXT NOT NULL,
                    "Reference" TEXT NOT NULL,
                    CONSTRAINT "CK_Deposits_Amount" CHECK (Amount > 0 AND AmountUsd > 0 AND FeeUsd >= 0 AND NetUsd >= 0),
                    CONSTRAINT "CK_Deposits_NetUsd" CHECK (NetUsd = AmountUsd - FeeUsd),
                    CONSTRAINT "FK_Deposits_Contributions_ContributionId" FOREIGN KEY ("ContributionId") REFERENCES "Contributions" ("Id") ON DELETE RESTRICT
                );
                INSERT INTO "ef_temp_Deposits" ("Id", "Amount", "AmountUsd", "ContributionId", "Currency", "DonorId", "EarmarkedAreaNumber", "FeeRate", "FeeUsd", "NetUsd", "Number", "RateToUsd", "ReceivedOn", "RecordedAt", "RecordedBy", "Reference")
                SELECT "Id", {UnitsOf("\"Amount\"")}, {UnitsOf("\"AmountUsd\"")}, "ContributionId", "Currency", "DonorId", "EarmarkedAreaNumber", "FeeRate",
                    {UnitsOf("\"FeeUsd\"")}, {UnitsOf("\"NetUsd\"")}, "Number", "RateToUsd", "ReceivedOn", "RecordedAt", "RecordedBy", "Reference"
                FROM "Deposits";
                DROP TABLE "Deposits";
                ALTER TABLE "ef_temp_Deposits" RENAME TO "Deposits";
                CREATE UNIQUE INDEX "IX_Deposits_ContributionId_Number" ON "Deposits" ("ContributionId", "Number");
                CREATE UNIQUE INDEX "IX_Deposits_ContributionId_Reference" ON "Deposits" ("ContributionId", "Reference");
                CREATE INDEX "IX_Deposits_ReceivedOn" ON "Deposits" ("ReceivedOn");
                CREATE INDEX "IX_Deposits_FundingStatus" ON "Deposits" ("EarmarkedAreaNumber", "DonorId", "ReceivedOn", "AmountUsd", "FeeUsd", "NetUsd");
                CREATE TRIGGER Deposits_NoUpdate BEFORE UPDATE ON Deposits BEGIN SELECT RAISE(ABORT, 'Recorded deposits never change.'); END;
                CREATE TRIGGER Deposits_NoDelete BEFORE DELETE ON Deposits BEGIN SELECT RAISE(ABORT, 'Recorded deposits never change.'); END;
                """);

            // The other money tables: each amount is converted in place while its column is still text, then EF's
            // rebuilds of the tables (at the end of the migration) give the columns integer affinity, which stores the
            // digits as integers.
            migrationBuilder.Sql(ToUnits("ProgrammeBudgetLines", "TransferredUsd", "SpentUsd", "ReleasedUsd", "IndirectCostUsd", "DirectCostUsd", "AmountUsd"));
            migrationBuilder.Sql(ToUnits("JointProgrammes", "TransferredUsd", "SpentUsd", "ReleasedUsd", "ReleasedToUnearmarkedUsd", "ReleasedToEarmarkedUsd", "IndirectCostUsd", "FromUnearmarkedUsd", "FromEarmarkedUsd", "AllocatedUsd"));
            migrationBuilder.Sql(ToUnits("FundSettings", "BudgetCeilingUsd"));
            migrationBuilder.Sql(ToUnits("FundingTargets", "AmountUsd"));
            migrationBuilder.Sql(ToUnits("Contributions", "PledgedUsd", "PledgedAmount", "DepositedUsd", "DepositedAmount", "CommittedUsd", "CommittedAmount"));
            migrationBuilder.Sql(ToUnits("ConceptNotes", "TotalRequestedUsd"));
            migrationBuilder.Sql(ToUnits("ConceptNoteBudgetLines", "AmountUsd"));
            migrationBuilder.Sql(ToUnits("AnnualExpenditures", "AmountUsd"));

            migrationBuilder.AlterColumn<long>(
                name: "TransferredUsd",
                table: "ProgrammeBudgetLines",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "SpentUsd",
                table: "ProgrammeBudgetLines",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "ReleasedUsd",
                table: "ProgrammeBudgetLines",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "IndirectCostUsd",
                table: "ProgrammeBudgetLines",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "DirectCostUsd",
                table: "ProgrammeBudgetLines",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "AmountUsd",
                table: "ProgrammeBudgetLines",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "TransferredUsd",
                table: "JointProgrammes",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "SpentUsd",
                table: "JointProgrammes",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "ReleasedUsd",
                table: "JointProgrammes",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "ReleasedToUnearmarkedUsd",
                table: "JointProgrammes",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "ReleasedToEarmarkedUsd",
                table: "JointProgrammes",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "IndirectCostUsd",
                table: "JointProgrammes",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "FromUnearmarkedUsd",
                table: "JointProgrammes",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "FromEarmarkedUsd",
                table: "JointProgrammes",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "AllocatedUsd",
                table: "JointProgrammes",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "BudgetCeilingUsd",
                table: "FundSettings",
                type: "INTEGER",
                precision: 19,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 2);

            migrationBuilder.AlterColumn<long>(
                name: "AmountUsd",
                table: "FundingTargets",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "PledgedUsd",
                table: "Contributions",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "PledgedAmount",
                table: "Contributions",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "DepositedUsd",
                table: "Contributions",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "DepositedAmount",
                table: "Contributions",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "CommittedUsd",
                table: "Contributions",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "CommittedAmount",
                table: "Contributions",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "TotalRequestedUsd",
                table: "ConceptNotes",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "AmountUsd",
                table: "ConceptNoteBudgetLines",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "AmountUsd",
                table: "AnnualExpenditures",
                type: "INTEGER",
                precision: 19,
                scale: 4,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 19,
                oldScale: 4);

            migrationBuilder.AddCheckConstraint(
                name: "CK_ProgrammeBudgetLines_Costs",
                table: "ProgrammeBudgetLines",
                sql: "DirectCostUsd + IndirectCostUsd = AmountUsd");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ProgrammeBudgetLines_WithinBudget",
                table: "ProgrammeBudgetLines",
                sql: "ReleasedUsd >= 0 AND TransferredUsd + ReleasedUsd <= AmountUsd AND SpentUsd <= TransferredUsd");

            migrationBuilder.AddCheckConstraint(
                name: "CK_JointProgrammes_Drawn",
                table: "JointProgrammes",
                sql: "FromEarmarkedUsd + FromUnearmarkedUsd = AllocatedUsd");

            migrationBuilder.AddCheckConstraint(
                name: "CK_JointProgrammes_Released",
                table: "JointProgrammes",
                sql: "ReleasedToEarmarkedUsd >= 0 AND ReleasedToUnearmarkedUsd >= 0 AND ReleasedToEarmarkedUsd + ReleasedToUnearmarkedUsd = ReleasedUsd AND ReleasedToEarmarkedUsd <= FromEarmarkedUsd AND ReleasedToUnearmarkedUsd <= FromUnearmarkedUsd");

            migrationBuilder.AddCheckConstraint(
                name: "CK_JointProgrammes_WithinAllocation",
                table: "JointProgrammes",
                sql: "TransferredUsd + ReleasedUsd <= AllocatedUsd AND SpentUsd <= TransferredUsd AND IndirectCostUsd <= AllocatedUsd");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Contributions_DepositedWithinCommitment",
                table: "Contributions",
                sql: "DepositedAmount <= CASE WHEN CommittedAmount IS NULL THEN 0 ELSE CommittedAmount END");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            // Back to text, the amounts would have to be rewritten after SQLite's table rebuilds, which EF runs last:
            // restore the copy of the database taken before the upgrade instead.
            throw new NotSupportedException(
                "MoneyAsIntegersAndLimits is not reverted in place: restore the database copy taken before the upgrade.");

        /// <summary>Sets each of <paramref name="columns"/> of <paramref name="table"/> from its decimal text to its exact count of ten-thousandths.</summary>
        private static string ToUnits(string table, params string[] columns) =>
            $"UPDATE \"{table}\" SET {string.Join(", ", columns.Select(c => $"\"{c}\" = {UnitsOf($"\"{c}\"")}"))};";

        /// <summary>
        /// The ten-thousandths in the decimal text <paramref name="column"/> ("-12.5" is -125000): the whole part times
        /// 10,000 plus the first four decimals, with the sign; NULL stays NULL; a non-zero fifth decimal raises an error.
        /// </summary>
        private static string UnitsOf(string column)
        {
            var digits = $"ltrim(CAST({column} AS TEXT), '-')";
            var point = $"instr({digits}, '.')";
            var whole = $"CASE WHEN {point} > 0 THEN substr({digits}, 1, {point} - 1) ELSE {digits} END";
            var decimals = $"CASE WHEN {point} > 0 THEN substr({digits}, {point} + 1) ELSE '' END";
            var units = $"(CAST({whole} AS INTEGER) * 10000 + CAST(substr(({decimals}) || '0000', 1, 4) AS INTEGER))";
            return $"CASE WHEN {column} IS NULL THEN NULL " +
                   $"WHEN rtrim(substr({decimals}, 5), '0') <> '' THEN json('an amount with more than four decimals') " +
                   $"WHEN CAST({column} AS TEXT) LIKE '-%' THEN -{units} ELSE {units} END";
        }

    }
}
