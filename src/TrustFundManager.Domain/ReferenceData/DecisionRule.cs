namespace TrustFundManager.Domain.ReferenceData;

/// <summary>How the Steering Committee turns votes into a decision.</summary>
public enum DecisionRule
{
    /// <summary>Quorum met and no reject vote.</summary>
    Consensus,

    /// <summary>Quorum met and more approve than reject votes, abstentions aside.</summary>
    Majority,
}
