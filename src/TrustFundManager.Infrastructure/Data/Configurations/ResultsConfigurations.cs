using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Domain.Results;

namespace TrustFundManager.Infrastructure.Data.Configurations;

internal static class IndicatorNumbers
{
    /// <summary>Up to 10^14 with 4 decimals: every indicator value and breakdown fits exactly.</summary>
    public static PropertyBuilder<decimal?> AsIndicatorNumber(this PropertyBuilder<decimal?> property) =>
        property.HasPrecision(18, IndicatorValue.NumberDecimals);
}

internal sealed class ResultsMatrixConfiguration : IEntityTypeConfiguration<ResultsMatrix>
{
    public void Configure(EntityTypeBuilder<ResultsMatrix> builder)
    {
        builder.HasKey(m => m.ProgrammeId);
        builder.HasOne<JointProgramme>().WithOne().HasForeignKey<ResultsMatrix>(m => m.ProgrammeId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Property(m => m.UpdatedBy).HasMaxLength(200);
        builder.HasMany(m => m.Outcomes).WithOne().HasForeignKey(o => o.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Outcomes).HasField("_outcomes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Outputs).WithOne().HasForeignKey(o => o.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Outputs).HasField("_outputs").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Indicators).WithOne().HasForeignKey(i => i.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Indicators).HasField("_indicators").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OutcomeConfiguration : IEntityTypeConfiguration<Outcome>
{
    public void Configure(EntityTypeBuilder<Outcome> builder)
    {
        builder.HasKey(o => o.Id);
        // Set by the domain: a new outcome found on a tracked matrix is an insert, not an update.
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Statement).HasMaxLength(ResultsMatrix.StatementMaxLength);
        builder.HasOne<ThematicArea>().WithMany().HasForeignKey(o => o.ThematicAreaNumber).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(o => o.Code);
    }
}

internal sealed class OutputConfiguration : IEntityTypeConfiguration<Output>
{
    public void Configure(EntityTypeBuilder<Output> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Statement).HasMaxLength(ResultsMatrix.StatementMaxLength);
        // No cascade from the outcome: the matrix already cascades to both (SQL Server allows one path).
        builder.HasOne<Outcome>().WithMany().HasForeignKey(o => o.OutcomeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Name).HasMaxLength(ResultsMatrix.NameMaxLength);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Unit).HasMaxLength(ResultsMatrix.UnitMaxLength);
        builder.Property(i => i.BaselineNumber).AsIndicatorNumber();
        builder.Property(i => i.BaselineText).HasMaxLength(IndicatorValue.TextMaxLength);
        builder.Property(i => i.TargetNumber).AsIndicatorNumber();
        builder.Property(i => i.TargetText).HasMaxLength(IndicatorValue.TextMaxLength);
        builder.Property(i => i.MeansOfVerification).HasMaxLength(ResultsMatrix.VerificationMaxLength);
        builder.Property(i => i.Organization).HasMaxLength(Organization.CodeMaxLength);
        builder.Ignore(i => i.Baseline);
        builder.Ignore(i => i.Target);
        builder.HasOne<Outcome>().WithMany().HasForeignKey(i => i.OutcomeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Output>().WithMany().HasForeignKey(i => i.OutputId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.Organization).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Indicators_Value",
            "(Kind = 'Quantitative' AND BaselineNumber IS NOT NULL AND TargetNumber IS NOT NULL AND BaselineText IS NULL AND TargetText IS NULL)" +
            " OR (Kind = 'Qualitative' AND BaselineText IS NOT NULL AND TargetText IS NOT NULL AND BaselineNumber IS NULL AND TargetNumber IS NULL)"));
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasOne<JointProgramme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.Organization).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Organization).HasMaxLength(Organization.CodeMaxLength);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        builder.Property(r => r.UpdatedBy).HasMaxLength(200);
        builder.Property(r => r.ApprovedBy).HasMaxLength(200);
        builder.Property(r => r.ReturnComment).HasMaxLength(2000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        // A double-clicked "open report" for the same period makes one report.
        builder.HasIndex(r => new { r.ProgrammeId, r.Organization, r.PeriodStart }).IsUnique();
        builder.HasIndex(r => r.ApprovedOn);
        builder.HasMany(r => r.Values).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Values).HasField("_values").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReportedValueConfiguration : IEntityTypeConfiguration<ReportedValue>
{
    public void Configure(EntityTypeBuilder<ReportedValue> builder)
    {
        builder.HasKey(v => new { v.ReportId, v.IndicatorId });
        // An indicator with reported values cannot be deleted: the database backs the matrix's rule.
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.ActualNumber).AsIndicatorNumber();
        builder.Property(v => v.ActualText).HasMaxLength(IndicatorValue.TextMaxLength);
        builder.Property(v => v.Narrative).HasMaxLength(ProgressReport.NarrativeMaxLength);
        builder.Property(v => v.Female).AsIndicatorNumber();
        builder.Property(v => v.Male).AsIndicatorNumber();
        builder.Property(v => v.Children).AsIndicatorNumber();
        builder.Property(v => v.Adults).AsIndicatorNumber();
        builder.Property(v => v.RecordedBy).HasMaxLength(200);
        builder.Ignore(v => v.Actual);
    }
}
