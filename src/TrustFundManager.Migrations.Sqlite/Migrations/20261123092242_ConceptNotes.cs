using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConceptNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "VisibleRoles",
                table: "WorkflowInstances",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ConceptNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Countries = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ThematicAreaNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    GcmObjectives = table.Column<string>(type: "TEXT", nullable: false),
                    GuidingPrinciples = table.Column<string>(type: "TEXT", nullable: false),
                    TotalRequestedUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    DurationMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    GenderMarker = table.Column<int>(type: "INTEGER", nullable: true),
                    HumanRightsMarker = table.Column<int>(type: "INTEGER", nullable: true),
                    ChildSensitivityMarker = table.Column<int>(type: "INTEGER", nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ContactPosition = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EndorsedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EndorserPosition = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EndorsedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmissionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastScreenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConceptNotes", x => x.Id);
                    table.CheckConstraint("CK_ConceptNotes_ChildSensitivityMarker", "ChildSensitivityMarker BETWEEN 0 AND 3");
                    table.CheckConstraint("CK_ConceptNotes_GenderMarker", "GenderMarker BETWEEN 0 AND 3");
                    table.CheckConstraint("CK_ConceptNotes_HumanRightsMarker", "HumanRightsMarker BETWEEN 0 AND 3");
                    table.CheckConstraint("CK_ConceptNotes_TotalRequestedUsd", "TotalRequestedUsd > 0");
                    table.ForeignKey(
                        name: "FK_ConceptNotes_Countries_Country",
                        column: x => x.Country,
                        principalTable: "Countries",
                        principalColumn: "Alpha3",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConceptNotes_ThematicAreas_ThematicAreaNumber",
                        column: x => x.ThematicAreaNumber,
                        principalTable: "ThematicAreas",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConceptNoteBudgetLines",
                columns: table => new
                {
                    ConceptNoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Organization = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConceptNoteBudgetLines", x => new { x.ConceptNoteId, x.Organization });
                    table.CheckConstraint("CK_ConceptNoteBudgetLines_AmountUsd", "AmountUsd > 0");
                    table.ForeignKey(
                        name: "FK_ConceptNoteBudgetLines_ConceptNotes_ConceptNoteId",
                        column: x => x.ConceptNoteId,
                        principalTable: "ConceptNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConceptNoteBudgetLines_Organizations_Organization",
                        column: x => x.Organization,
                        principalTable: "Organizations",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConceptNotePartners",
                columns: table => new
                {
                    ConceptNoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConceptNotePartners", x => new { x.ConceptNoteId, x.Position });
                    table.ForeignKey(
                        name: "FK_ConceptNotePartners_ConceptNotes_ConceptNoteId",
                        column: x => x.ConceptNoteId,
                        principalTable: "ConceptNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConceptNoteScreeningChecks",
                columns: table => new
                {
                    ConceptNoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConceptNoteScreeningChecks", x => new { x.ConceptNoteId, x.Round, x.Item });
                    table.ForeignKey(
                        name: "FK_ConceptNoteScreeningChecks_ConceptNotes_ConceptNoteId",
                        column: x => x.ConceptNoteId,
                        principalTable: "ConceptNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConceptNoteVersions",
                columns: table => new
                {
                    ConceptNoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConceptNoteVersions", x => new { x.ConceptNoteId, x.Number });
                    table.ForeignKey(
                        name: "FK_ConceptNoteVersions_ConceptNotes_ConceptNoteId",
                        column: x => x.ConceptNoteId,
                        principalTable: "ConceptNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConceptNoteBudgetLines_Organization",
                table: "ConceptNoteBudgetLines",
                column: "Organization");

            migrationBuilder.CreateIndex(
                name: "IX_ConceptNotes_Country",
                table: "ConceptNotes",
                column: "Country");

            migrationBuilder.CreateIndex(
                name: "IX_ConceptNotes_CreatedAt",
                table: "ConceptNotes",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConceptNotes_FirstSubmittedAt",
                table: "ConceptNotes",
                column: "FirstSubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConceptNotes_Region",
                table: "ConceptNotes",
                column: "Region");

            migrationBuilder.CreateIndex(
                name: "IX_ConceptNotes_ThematicAreaNumber",
                table: "ConceptNotes",
                column: "ThematicAreaNumber");

            migrationBuilder.Sql("CREATE TRIGGER ConceptNoteVersions_NoUpdate BEFORE UPDATE ON ConceptNoteVersions BEGIN SELECT RAISE(ABORT, 'Submitted versions of concept notes never change.'); END;");
            migrationBuilder.Sql("CREATE TRIGGER ConceptNoteVersions_NoDelete BEFORE DELETE ON ConceptNoteVersions BEGIN SELECT RAISE(ABORT, 'Submitted versions of concept notes never change.'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ConceptNoteVersions_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ConceptNoteVersions_NoDelete;");

            migrationBuilder.DropTable(
                name: "ConceptNoteBudgetLines");

            migrationBuilder.DropTable(
                name: "ConceptNotePartners");

            migrationBuilder.DropTable(
                name: "ConceptNoteScreeningChecks");

            migrationBuilder.DropTable(
                name: "ConceptNoteVersions");

            migrationBuilder.DropTable(
                name: "ConceptNotes");

            migrationBuilder.DropColumn(
                name: "VisibleRoles",
                table: "WorkflowInstances");
        }
    }
}
