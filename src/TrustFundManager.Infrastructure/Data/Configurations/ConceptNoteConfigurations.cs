using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Infrastructure.Data.Configurations;

internal sealed class ConceptNoteConfiguration : IEntityTypeConfiguration<ConceptNote>
{
    public void Configure(EntityTypeBuilder<ConceptNote> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Title).HasMaxLength(ConceptNoteContent.TitleMaxLength);
        builder.Property(n => n.Summary).HasMaxLength(ConceptNoteContent.SummaryMaxLength);
        builder.Property(n => n.Country).HasMaxLength(3);
        builder.HasOne<Country>().WithMany().HasForeignKey(n => n.Country).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ThematicArea>().WithMany().HasForeignKey(n => n.ThematicAreaNumber).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.ContactName).HasMaxLength(ConceptNoteContent.NameMaxLength);
        builder.Property(n => n.ContactEmail).HasMaxLength(ConceptNoteContent.EmailMaxLength);
        builder.Property(n => n.ContactPhone).HasMaxLength(ConceptNoteContent.PhoneMaxLength);
        builder.Property(n => n.ContactPosition).HasMaxLength(ConceptNoteContent.NameMaxLength);
        builder.Property(n => n.EndorsedBy).HasMaxLength(ConceptNoteContent.NameMaxLength);
        builder.Property(n => n.EndorserPosition).HasMaxLength(ConceptNoteContent.NameMaxLength);
        builder.Property(n => n.CreatedBy).HasMaxLength(200);
        builder.Property(n => n.UpdatedBy).HasMaxLength(200);
        builder.Property(n => n.Version).IsConcurrencyToken();

        builder.HasMany(n => n.Budget).WithOne().HasForeignKey(b => b.ConceptNoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Budget).HasField("_budget").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(n => n.Partners).WithOne().HasForeignKey(p => p.ConceptNoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Partners).HasField("_partners").UsePropertyAccessMode(PropertyAccessMode.Field);
        // The countries covered, a row each, loaded with the note: the country filter and the recusal read them by
        // the index on the country, where a JSON column had to be unpacked note by note.
        builder.Ignore(n => n.Countries);
        builder.Ignore(n => n.CoveredCountries);
        builder.OwnsMany(n => n.CountryLines, country =>
        {
            country.ToTable("ConceptNoteCountries");
            country.WithOwner().HasForeignKey("ConceptNoteId");
            country.HasKey("ConceptNoteId", nameof(CoveredCountry.Country));
            country.Property(c => c.Country).HasMaxLength(3);
            country.HasOne<Country>().WithMany().HasForeignKey(c => c.Country).OnDelete(DeleteBehavior.Restrict);
            country.HasIndex(nameof(CoveredCountry.Country), "ConceptNoteId");
        });
        builder.Navigation(n => n.CountryLines).HasField("_countries").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(n => n.ScreeningChecks).WithOne().HasForeignKey(c => c.ConceptNoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.ScreeningChecks).HasField("_screeningChecks").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The list's filters and sort keys: an index on a sort key lets a page stop after its rows instead of
        // sorting every note; the thematic area with the submission time serves the list of an area by submission.
        builder.HasIndex(n => n.Country);
        builder.HasIndex(n => n.Region);
        builder.HasIndex(n => new { n.ThematicAreaNumber, n.FirstSubmittedAt });
        builder.HasIndex(n => n.CreatedAt);
        builder.HasIndex(n => n.UpdatedAt);
        builder.HasIndex(n => n.FirstSubmittedAt);
        builder.HasIndex(n => n.Title);

        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_ConceptNotes_GenderMarker", "GenderMarker BETWEEN 0 AND 3");
            t.HasCheckConstraint("CK_ConceptNotes_HumanRightsMarker", "HumanRightsMarker BETWEEN 0 AND 3");
            t.HasCheckConstraint("CK_ConceptNotes_ChildSensitivityMarker", "ChildSensitivityMarker BETWEEN 0 AND 3");
            t.HasCheckConstraint("CK_ConceptNotes_TotalRequestedUsd", "TotalRequestedUsd > 0");
        });
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.ToTable("ConceptNoteBudgetLines", t =>
            t.HasCheckConstraint("CK_ConceptNoteBudgetLines_AmountUsd", "AmountUsd > 0"));
        builder.HasKey(b => new { b.ConceptNoteId, b.Organization });
        builder.Property(b => b.Organization).HasMaxLength(Organization.CodeMaxLength);
        builder.HasOne<Organization>().WithMany().HasForeignKey(b => b.Organization).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.Organization);
    }
}

internal sealed class PartnerLineConfiguration : IEntityTypeConfiguration<PartnerLine>
{
    public void Configure(EntityTypeBuilder<PartnerLine> builder)
    {
        builder.ToTable("ConceptNotePartners");
        builder.HasKey(p => new { p.ConceptNoteId, p.Position });
        builder.Property(p => p.Position).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(ConceptNoteContent.PartnerNameMaxLength);
    }
}

internal sealed class ScreeningCheckConfiguration : IEntityTypeConfiguration<ScreeningCheck>
{
    public void Configure(EntityTypeBuilder<ScreeningCheck> builder)
    {
        builder.ToTable("ConceptNoteScreeningChecks");
        builder.HasKey(c => new { c.ConceptNoteId, c.Round, c.Item });
        builder.Property(c => c.Round).ValueGeneratedNever();
        builder.Property(c => c.Comment).HasMaxLength(ScreeningCheck.CommentMaxLength);
        builder.Property(c => c.RecordedBy).HasMaxLength(200);
    }
}

internal sealed class ConceptNoteVersionConfiguration : IEntityTypeConfiguration<ConceptNoteVersion>
{
    public void Configure(EntityTypeBuilder<ConceptNoteVersion> builder)
    {
        builder.ToTable("ConceptNoteVersions");
        builder.HasKey(v => new { v.ConceptNoteId, v.Number });
        builder.Property(v => v.Number).ValueGeneratedNever();
        builder.HasOne<ConceptNote>().WithMany().HasForeignKey(v => v.ConceptNoteId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.Action).HasMaxLength(60);
        builder.Property(v => v.SubmittedBy).HasMaxLength(200);
        builder.Property(v => v.SubmittedByName).HasMaxLength(200);
    }
}
