using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.SqlServer.Migrations
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
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ConceptNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    Country = table.Column<string>(type: "nchar(3)", maxLength: 3, nullable: false),
                    Countries = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Region = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    ThematicAreaNumber = table.Column<int>(type: "int", nullable: true),
                    GcmObjectives = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    GuidingPrinciples = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    TotalRequestedUsd = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: true),
                    DurationMonths = table.Column<int>(type: "int", nullable: true),
                    GenderMarker = table.Column<int>(type: "int", nullable: true),
                    HumanRightsMarker = table.Column<int>(type: "int", nullable: true),
                    ChildSensitivityMarker = table.Column<int>(type: "int", nullable: true),
                    ContactName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    ContactPhone = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    ContactPosition = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    EndorsedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    EndorserPosition = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    EndorsedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SubmissionCount = table.Column<int>(type: "int", nullable: false),
                    FirstSubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastSubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastScreenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                    ConceptNoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Organization = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    AmountUsd = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false)
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
                    ConceptNoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
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
                    ConceptNoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Round = table.Column<int>(type: "int", nullable: false),
                    Item = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Passed = table.Column<bool>(type: "bit", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    ConceptNoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SubmittedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: false)
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

            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER ConceptNoteVersions_AppendOnly ON ConceptNoteVersions INSTEAD OF UPDATE, DELETE AS THROW 51000, ''Submitted versions of concept notes never change.'', 1;');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ConceptNoteVersions_AppendOnly;");

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
