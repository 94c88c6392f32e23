using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SteeringCommittee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssignedTo",
                table: "WorkflowTasks",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommitteeTermMonths",
                table: "FundSettings",
                type: "int",
                nullable: false,
                defaultValue: 36);

            migrationBuilder.CreateTable(
                name: "Ballots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    OpenedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Deadline = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecisionRule = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    QuorumNumerator = table.Column<int>(type: "int", nullable: false),
                    QuorumDenominator = table.Column<int>(type: "int", nullable: false),
                    QuorumRequiresEveryConstituency = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ballots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeMemberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ConstituencyCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Seat = table.Column<int>(type: "int", nullable: true),
                    RepresentedKind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    RepresentedCode = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RepresentedName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TermStart = table.Column<DateOnly>(type: "date", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    EndReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMemberships", x => x.Id);
                    table.CheckConstraint("CK_CommitteeMemberships_Seat", "(Role = 'Member' AND ConstituencyCode IS NOT NULL AND Seat >= 1) OR (Role <> 'Member' AND ConstituencyCode IS NULL AND Seat IS NULL)");
                    table.ForeignKey(
                        name: "FK_CommitteeMemberships_Constituencies_ConstituencyCode",
                        column: x => x.ConstituencyCode,
                        principalTable: "Constituencies",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BallotItems",
                columns: table => new
                {
                    BallotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConceptNoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Countries = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Organizations = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    IsPending = table.Column<bool>(type: "bit", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotItems", x => new { x.BallotId, x.ConceptNoteId });
                    table.ForeignKey(
                        name: "FK_BallotItems_Ballots_BallotId",
                        column: x => x.BallotId,
                        principalTable: "Ballots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BallotItems_ConceptNotes_ConceptNoteId",
                        column: x => x.ConceptNoteId,
                        principalTable: "ConceptNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BallotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BallotTitle = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ConceptNoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConceptNoteTitle = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Country = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DecisionRule = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Eligible = table.Column<int>(type: "int", nullable: false),
                    QuorumRequired = table.Column<int>(type: "int", nullable: false),
                    QuorumMet = table.Column<bool>(type: "bit", nullable: false),
                    VotesCast = table.Column<int>(type: "int", nullable: false),
                    Approve = table.Column<int>(type: "int", nullable: false),
                    ApproveWithConditions = table.Column<int>(type: "int", nullable: false),
                    Reject = table.Column<int>(type: "int", nullable: false),
                    Abstain = table.Column<int>(type: "int", nullable: false),
                    Recused = table.Column<int>(type: "int", nullable: false),
                    Rationale = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    TallyJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ConditionsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ReasonsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RecusalsJson = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteeDecisions_Ballots_BallotId",
                        column: x => x.BallotId,
                        principalTable: "Ballots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitteeDecisions_ConceptNotes_ConceptNoteId",
                        column: x => x.ConceptNoteId,
                        principalTable: "ConceptNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BallotPapers",
                columns: table => new
                {
                    BallotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MembershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    MemberName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ConstituencyCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    RepresentedName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SealedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotPapers", x => new { x.BallotId, x.MembershipId });
                    table.ForeignKey(
                        name: "FK_BallotPapers_Ballots_BallotId",
                        column: x => x.BallotId,
                        principalTable: "Ballots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BallotPapers_CommitteeMemberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "CommitteeMemberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BallotRecusals",
                columns: table => new
                {
                    BallotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MembershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConceptNoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Explanation = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotRecusals", x => new { x.BallotId, x.MembershipId, x.ConceptNoteId });
                    table.ForeignKey(
                        name: "FK_BallotRecusals_BallotPapers_BallotId_MembershipId",
                        columns: x => new { x.BallotId, x.MembershipId },
                        principalTable: "BallotPapers",
                        principalColumns: new[] { "BallotId", "MembershipId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BallotVotes",
                columns: table => new
                {
                    BallotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MembershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConceptNoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Choice = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Conditions = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Comment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    FirstCastAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CastAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Changes = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotVotes", x => new { x.BallotId, x.MembershipId, x.ConceptNoteId });
                    table.CheckConstraint("CK_BallotVotes_Conditions", "(Choice = 'ApproveWithConditions' AND Conditions IS NOT NULL) OR (Choice <> 'ApproveWithConditions' AND Conditions IS NULL)");
                    table.CheckConstraint("CK_BallotVotes_Reason", "(Choice = 'Reject' AND Reason IS NOT NULL) OR (Choice <> 'Reject' AND Reason IS NULL)");
                    table.ForeignKey(
                        name: "FK_BallotVotes_BallotPapers_BallotId_MembershipId",
                        columns: x => new { x.BallotId, x.MembershipId },
                        principalTable: "BallotPapers",
                        principalColumns: new[] { "BallotId", "MembershipId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_FundSettings_CommitteeTerm",
                table: "FundSettings",
                sql: "CommitteeTermMonths BETWEEN 6 AND 120");

            migrationBuilder.CreateIndex(
                name: "IX_BallotItems_ConceptNoteId_Pending",
                table: "BallotItems",
                column: "ConceptNoteId",
                unique: true,
                filter: "IsPending = 1");

            migrationBuilder.CreateIndex(
                name: "IX_BallotPapers_MembershipId",
                table: "BallotPapers",
                column: "MembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_BallotPapers_UserId",
                table: "BallotPapers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_OpenedAt",
                table: "Ballots",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_Status_Deadline",
                table: "Ballots",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeDecisions_BallotId_ConceptNoteId",
                table: "CommitteeDecisions",
                columns: new[] { "BallotId", "ConceptNoteId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeDecisions_ConceptNoteId",
                table: "CommitteeDecisions",
                column: "ConceptNoteId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeDecisions_DecidedAt",
                table: "CommitteeDecisions",
                column: "DecidedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeDecisions_Outcome",
                table: "CommitteeDecisions",
                column: "Outcome");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMemberships_ConstituencyCode_Seat_TermStart",
                table: "CommitteeMemberships",
                columns: new[] { "ConstituencyCode", "Seat", "TermStart" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMemberships_UserId",
                table: "CommitteeMemberships",
                column: "UserId");

            // Recorded decisions are the committee's record: the database refuses to change or remove them too.
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER CommitteeDecisions_AppendOnly ON CommitteeDecisions INSTEAD OF UPDATE, DELETE AS THROW 51000, ''Recorded committee decisions never change.'', 1;');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CommitteeDecisions_AppendOnly;");

            migrationBuilder.DropTable(
                name: "BallotItems");

            migrationBuilder.DropTable(
                name: "BallotRecusals");

            migrationBuilder.DropTable(
                name: "BallotVotes");

            migrationBuilder.DropTable(
                name: "CommitteeDecisions");

            migrationBuilder.DropTable(
                name: "BallotPapers");

            migrationBuilder.DropTable(
                name: "Ballots");

            migrationBuilder.DropTable(
                name: "CommitteeMemberships");

            migrationBuilder.DropCheckConstraint(
                name: "CK_FundSettings_CommitteeTerm",
                table: "FundSettings");

            migrationBuilder.DropColumn(
                name: "AssignedTo",
                table: "WorkflowTasks");

            migrationBuilder.DropColumn(
                name: "CommitteeTermMonths",
                table: "FundSettings");
        }
    }
}
