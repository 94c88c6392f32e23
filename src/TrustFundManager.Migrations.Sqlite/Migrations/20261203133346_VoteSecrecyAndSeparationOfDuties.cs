using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VoteSecrecyAndSeparationOfDuties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaxOpenDraftsPerGovernment",
                table: "FundSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 20);

            migrationBuilder.AddColumn<decimal>(
                name: "MinimumParticipationShare",
                table: "FundSettings",
                type: "TEXT",
                precision: 9,
                scale: 6,
                nullable: false,
                defaultValue: 0.05m);

            migrationBuilder.AddColumn<int>(
                name: "MinimumPublishedTallyCell",
                table: "FundSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TermEnd",
                table: "BallotPapers",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(9999, 12, 31));

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Actor_EntityType_Id",
                table: "AuditEntries",
                columns: new[] { "Actor", "EntityType", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_Id",
                table: "AuditEntries",
                columns: new[] { "EntityType", "Id" });

            // A ballot paper's term is its member's, until an early end while the ballot is open moves it.
            migrationBuilder.Sql("UPDATE BallotPapers SET TermEnd = (SELECT m.TermEnd FROM CommitteeMemberships m WHERE m.Id = BallotPapers.MembershipId);");

            // Earlier versions wrote each vote's choice, conditions, reason and comment into the audit log. The log is
            // append-only, but a secret vote must not stay in it: this one scrub lifts the guard, removes those values
            // (the entry still records that the member changed their paper, and when) and puts the guard back.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoUpdate;");
            migrationBuilder.Sql("UPDATE AuditEntries SET Changes = json_remove(Changes, '$.choice', '$.conditions', '$.reason', '$.comment') WHERE EntityType = 'BallotVote';");
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Actor_EntityType_Id",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_Id",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "MaxOpenDraftsPerGovernment",
                table: "FundSettings");

            migrationBuilder.DropColumn(
                name: "MinimumParticipationShare",
                table: "FundSettings");

            migrationBuilder.DropColumn(
                name: "MinimumPublishedTallyCell",
                table: "FundSettings");

            migrationBuilder.DropColumn(
                name: "TermEnd",
                table: "BallotPapers");
        }
    }
}
