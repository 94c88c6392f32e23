using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConceptNoteListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_DefinitionId_State",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_ConceptNotes_ThematicAreaNumber",
                table: "ConceptNotes");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_State_SubjectId",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "State", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConceptNotes_ThematicAreaNumber_FirstSubmittedAt",
                table: "ConceptNotes",
                columns: new[] { "ThematicAreaNumber", "FirstSubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConceptNotes_Title",
                table: "ConceptNotes",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_ConceptNotes_UpdatedAt",
                table: "ConceptNotes",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_DefinitionId_State_SubjectId",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_ConceptNotes_ThematicAreaNumber_FirstSubmittedAt",
                table: "ConceptNotes");

            migrationBuilder.DropIndex(
                name: "IX_ConceptNotes_Title",
                table: "ConceptNotes");

            migrationBuilder.DropIndex(
                name: "IX_ConceptNotes_UpdatedAt",
                table: "ConceptNotes");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_State",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ConceptNotes_ThematicAreaNumber",
                table: "ConceptNotes",
                column: "ThematicAreaNumber");
        }
    }
}
