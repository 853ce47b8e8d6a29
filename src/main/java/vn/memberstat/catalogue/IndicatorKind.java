package vn.memberstat.catalogue;

/** How an indicator's values combine over time. */
public enum IndicatorKind {
    /** An amount over the period: admissions, removals, classes. */
    FLOW,
    /** A value at the end of the period: members, branches. Sum across units, never across time. */
    STOCK,
    /** A quota for a year or a congress term. */
    TARGET
}
