extension DarkBosonWidths {
    /// The width into unseen final states: nu nu-bar (three flavours) plus the extra invisible width
    /// (paper sec. 5.1). The signal of K+ -> mu+ + invisible (eq. 4.31) and of PIENU's pi+ -> mu+ nu X.
    public var invisible: Double { neutrinos + extraInvisible }
}
