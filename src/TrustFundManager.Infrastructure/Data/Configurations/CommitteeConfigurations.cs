using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Infrastructure.Data.Configurations;

internal sealed class CommitteeMembershipConfiguration : IEntityTypeConfiguration<CommitteeMembership>
{
    public void Configure(EntityTypeBuilder<CommitteeMembership> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.UserId).HasMaxLength(CommitteeMembership.UserIdMaxLength);
        builder.Property(m => m.Name).HasMaxLength(CommitteeMembership.NameMaxLength);
        builder.Property(m => m.ConstituencyCode).HasMaxLength(Constituency.CodeMaxLength);
        builder.HasOne<Constituency>().WithMany().HasForeignKey(m => m.ConstituencyCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.RepresentedCode).HasMaxLength(CommitteeMembership.RepresentsMaxLength);
        builder.Property(m => m.RepresentedName).HasMaxLength(CommitteeMembership.RepresentsMaxLength);
        builder.Property(m => m.EndReason).HasMaxLength(CommitteeMembership.EndReasonMaxLength);
        builder.Property(m => m.CreatedBy).HasMaxLength(200);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.Represents);
        builder.Ignore(m => m.Votes);
        builder.HasIndex(m => m.UserId);
        builder.HasIndex(m => new { m.ConstituencyCode, m.Seat, m.TermStart });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_CommitteeMemberships_Seat",
                "(Role = 'Member' AND ConstituencyCode IS NOT NULL AND Seat >= 1) OR (Role <> 'Member' AND ConstituencyCode IS NULL AND Seat IS NULL)");
        });
    }
}

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Title).HasMaxLength(Ballot.TitleMaxLength);
        builder.Property(b => b.OpenedBy).HasMaxLength(200);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Ignore(b => b.Rule);
        builder.Ignore(b => b.EveryEligibleMemberVoted);
        builder.HasMany(b => b.Items).WithOne().HasForeignKey(i => i.BallotId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(b => b.Papers).WithOne().HasForeignKey(p => p.BallotId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Papers).HasField("_papers").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(b => new { b.Status, b.Deadline });
        builder.HasIndex(b => b.OpenedAt);
    }
}

internal sealed class BallotItemConfiguration : IEntityTypeConfiguration<BallotItem>
{
    public void Configure(EntityTypeBuilder<BallotItem> builder)
    {
        builder.ToTable("BallotItems");
        builder.HasKey(i => new { i.BallotId, i.ConceptNoteId });
        builder.Property(i => i.Title).HasMaxLength(ConceptNoteContent.TitleMaxLength);
        builder.HasOne<ConceptNote>().WithMany().HasForeignKey(i => i.ConceptNoteId).OnDelete(DeleteBehavior.Restrict);

        // A concept note is on one open ballot at a time: two FMU officers opening ballots at once cannot both take it.
        builder.HasIndex(i => i.ConceptNoteId).IsUnique().HasFilter("IsPending = 1")
            .HasDatabaseName("IX_BallotItems_ConceptNoteId_Pending");
    }
}

internal sealed class BallotPaperConfiguration : IEntityTypeConfiguration<BallotPaper>
{
    public void Configure(EntityTypeBuilder<BallotPaper> builder)
    {
        builder.ToTable("BallotPapers");
        builder.HasKey(p => new { p.BallotId, p.MembershipId });
        builder.HasOne<CommitteeMembership>().WithMany().HasForeignKey(p => p.MembershipId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.UserId).HasMaxLength(CommitteeMembership.UserIdMaxLength);
        builder.Property(p => p.MemberName).HasMaxLength(CommitteeMembership.NameMaxLength);
        builder.Property(p => p.ConstituencyCode).HasMaxLength(Constituency.CodeMaxLength);
        builder.Property(p => p.RepresentedName).HasMaxLength(CommitteeMembership.RepresentsMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Votes).WithOne().HasForeignKey(v => new { v.BallotId, v.MembershipId }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Votes).HasField("_votes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Recusals).WithOne().HasForeignKey(r => new { r.BallotId, r.MembershipId }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Recusals).HasField("_recusals").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => p.UserId);
    }
}

internal sealed class BallotVoteConfiguration : IEntityTypeConfiguration<BallotVote>
{
    public void Configure(EntityTypeBuilder<BallotVote> builder)
    {
        builder.ToTable("BallotVotes");
        builder.HasKey(v => new { v.BallotId, v.MembershipId, v.ConceptNoteId });
        builder.Property(v => v.Conditions).HasMaxLength(BallotVote.TextMaxLength);
        builder.Property(v => v.Reason).HasMaxLength(BallotVote.TextMaxLength);
        builder.Property(v => v.Comment).HasMaxLength(BallotVote.TextMaxLength);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_BallotVotes_Conditions",
                "(Choice = 'ApproveWithConditions' AND Conditions IS NOT NULL) OR (Choice <> 'ApproveWithConditions' AND Conditions IS NULL)");
            t.HasCheckConstraint("CK_BallotVotes_Reason",
                "(Choice = 'Reject' AND Reason IS NOT NULL) OR (Choice <> 'Reject' AND Reason IS NULL)");
        });
    }
}

internal sealed class BallotRecusalConfiguration : IEntityTypeConfiguration<BallotRecusal>
{
    public void Configure(EntityTypeBuilder<BallotRecusal> builder)
    {
        builder.ToTable("BallotRecusals");
        builder.HasKey(r => new { r.BallotId, r.MembershipId, r.ConceptNoteId });
        builder.Property(r => r.Explanation).HasMaxLength(BallotRecusal.ExplanationMaxLength);
    }
}

internal sealed class CommitteeDecisionConfiguration : IEntityTypeConfiguration<CommitteeDecision>
{
    public void Configure(EntityTypeBuilder<CommitteeDecision> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasOne<Ballot>().WithMany().HasForeignKey(d => d.BallotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ConceptNote>().WithMany().HasForeignKey(d => d.ConceptNoteId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.BallotTitle).HasMaxLength(Ballot.TitleMaxLength);
        builder.Property(d => d.ConceptNoteTitle).HasMaxLength(ConceptNoteContent.TitleMaxLength);
        builder.Property(d => d.Country).HasMaxLength(3);
        builder.Property(d => d.Rationale).HasMaxLength(CommitteeDecision.RationaleMaxLength);
        builder.Ignore(d => d.Tally);
        builder.Ignore(d => d.Conditions);
        builder.Ignore(d => d.RejectionReasons);
        builder.Ignore(d => d.Recusals);
        builder.HasIndex(d => new { d.BallotId, d.ConceptNoteId }).IsUnique();
        builder.HasIndex(d => d.ConceptNoteId);
        builder.HasIndex(d => d.DecidedAt);
        builder.HasIndex(d => d.Outcome);
    }
}
