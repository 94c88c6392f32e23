using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RevisionPeriodDays",
                table: "FundSettings",
                // The settings row exists already: it gets the default revision period.
                type: "int",
                nullable: false,
                defaultValue: 90);

            migrationBuilder.CreateTable(
                name: "WorkflowDefinitions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContentHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    StoredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowDefinitions", x => new { x.Id, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "WorkflowInstances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DefinitionId = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "int", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubjectTitle = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    State = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Step = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Countries = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Organizations = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowInstances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkflowInstances_WorkflowDefinitions_DefinitionId_DefinitionVersion",
                        columns: x => new { x.DefinitionId, x.DefinitionVersion },
                        principalTable: "WorkflowDefinitions",
                        principalColumns: new[] { "Id", "Version" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowJournal",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Step = table.Column<int>(type: "int", nullable: false),
                    DefinitionId = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "int", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    FromState = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    ToState = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ActorRoles = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowJournal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkflowJournal_WorkflowInstances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "WorkflowInstances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    State = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Roles = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClosedByAction = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    ClosedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkflowTasks_WorkflowInstances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "WorkflowInstances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowTimers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    State = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowTimers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkflowTimers_WorkflowInstances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "WorkflowInstances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_FundSettings_RevisionPeriod",
                table: "FundSettings",
                sql: "RevisionPeriodDays BETWEEN 7 AND 730");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_DefinitionVersion",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "DefinitionVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_State",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_SubjectId",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowJournal_InstanceId_Step",
                table: "WorkflowJournal",
                columns: new[] { "InstanceId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_ClosedAt_OpenedAt",
                table: "WorkflowTasks",
                columns: new[] { "ClosedAt", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_InstanceId_ClosedAt",
                table: "WorkflowTasks",
                columns: new[] { "InstanceId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTimers_InstanceId_Status",
                table: "WorkflowTimers",
                columns: new[] { "InstanceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTimers_Status_DueAt",
                table: "WorkflowTimers",
                columns: new[] { "Status", "DueAt" });

            // The journal is append-only, also for anyone who bypasses the application (EXEC: see the audit trigger).
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER WorkflowJournal_AppendOnly ON WorkflowJournal INSTEAD OF UPDATE, DELETE AS THROW 51000, ''The workflow journal is append-only.'', 1;');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS WorkflowJournal_AppendOnly;");

            migrationBuilder.DropTable(
                name: "WorkflowJournal");

            migrationBuilder.DropTable(
                name: "WorkflowTasks");

            migrationBuilder.DropTable(
                name: "WorkflowTimers");

            migrationBuilder.DropTable(
                name: "WorkflowInstances");

            migrationBuilder.DropTable(
                name: "WorkflowDefinitions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_FundSettings_RevisionPeriod",
                table: "FundSettings");

            migrationBuilder.DropColumn(
                name: "RevisionPeriodDays",
                table: "FundSettings");
        }
    }
}
