using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Workflows.Persistence;

internal static class WorkflowColumns
{
    public const int DefinitionId = 60;
    public const int Name = 60;
    public const int Actor = 200;
    public const int Scope = 2000;
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.DefinitionId).HasMaxLength(WorkflowColumns.DefinitionId);
        builder.Property(i => i.SubjectTitle).HasMaxLength(WorkflowInstance.TitleMaxLength);
        builder.Property(i => i.State).HasMaxLength(WorkflowColumns.Name);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Property(i => i.Countries).HasMaxLength(WorkflowColumns.Scope);
        builder.Property(i => i.Organizations).HasMaxLength(WorkflowColumns.Scope);
        builder.Property(i => i.VisibleRoles).HasMaxLength(WorkflowColumns.Actor);
        builder.HasIndex(i => new { i.DefinitionId, i.SubjectId }).IsUnique();
        // With the subject, a list filtered by state finds its subjects in the index alone.
        builder.HasIndex(i => new { i.DefinitionId, i.State, i.SubjectId });
        builder.HasOne<StoredWorkflowDefinition>().WithMany()
            .HasForeignKey(i => new { i.DefinitionId, i.DefinitionVersion }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkflowJournalEntryConfiguration : IEntityTypeConfiguration<WorkflowJournalEntry>
{
    public void Configure(EntityTypeBuilder<WorkflowJournalEntry> builder)
    {
        builder.ToTable("WorkflowJournal");
        builder.HasKey(j => j.Id);
        builder.HasIndex(j => new { j.InstanceId, j.Step }).IsUnique();
        // When each instance entered a state (the pipeline's approval dates), read from the index alone.
        builder.HasIndex(j => new { j.InstanceId, j.ToState, j.At });
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(j => j.DefinitionId).HasMaxLength(WorkflowColumns.DefinitionId);
        builder.Property(j => j.Action).HasMaxLength(WorkflowColumns.Name);
        builder.Property(j => j.FromState).HasMaxLength(WorkflowColumns.Name);
        builder.Property(j => j.ToState).HasMaxLength(WorkflowColumns.Name);
        builder.Property(j => j.Actor).HasMaxLength(WorkflowColumns.Actor);
        builder.Property(j => j.ActorName).HasMaxLength(WorkflowColumns.Actor);
        builder.Property(j => j.ActorRoles).HasMaxLength(WorkflowColumns.Actor);
        builder.Property(j => j.Comment).HasMaxLength(WorkflowJournalEntry.CommentMaxLength);
    }
}

internal sealed class WorkflowTaskConfiguration : IEntityTypeConfiguration<WorkflowTask>
{
    public void Configure(EntityTypeBuilder<WorkflowTask> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasOne(t => t.Instance).WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.State).HasMaxLength(WorkflowColumns.Name);
        builder.Property(t => t.Title).HasMaxLength(WorkflowInstance.TitleMaxLength);
        builder.Property(t => t.Roles).HasMaxLength(WorkflowColumns.Actor);
        builder.Property(t => t.ClosedByAction).HasMaxLength(WorkflowColumns.Name);
        builder.Property(t => t.ClosedBy).HasMaxLength(WorkflowColumns.Actor);
        builder.Property(t => t.AssignedTo).HasMaxLength(WorkflowColumns.Actor);
        builder.Ignore(t => t.IsOpen);
        builder.Ignore(t => t.RoleNames);
        // Holds every column an inbox filters on, in its order: counting a role's open tasks reads this index alone.
        builder.HasIndex(t => new { t.ClosedAt, t.OpenedAt, t.Roles, t.AssignedTo, t.InstanceId });
        builder.HasIndex(t => new { t.InstanceId, t.ClosedAt });
    }
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasOne(t => t.Instance).WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.State).HasMaxLength(WorkflowColumns.Name);
        builder.Property(t => t.Action).HasMaxLength(WorkflowColumns.Name);
        builder.Property(t => t.Outcome).HasMaxLength(WorkflowTimer.OutcomeMaxLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.Status, t.DueAt });
        builder.HasIndex(t => new { t.InstanceId, t.Status });
    }
}

internal sealed class StoredWorkflowDefinitionConfiguration : IEntityTypeConfiguration<StoredWorkflowDefinition>
{
    public void Configure(EntityTypeBuilder<StoredWorkflowDefinition> builder)
    {
        builder.ToTable("WorkflowDefinitions");
        builder.HasKey(d => new { d.Id, d.Version });
        builder.Property(d => d.Id).HasMaxLength(WorkflowColumns.DefinitionId);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.ContentHash).HasMaxLength(64).IsFixedLength();
    }
}
