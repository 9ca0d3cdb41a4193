import DataFiles
import Foundation
import Numerics

/// The SM + new-physics differential rates of the b -> s l+ l- modes of the fit, built once from the
/// inputs and data files and then queried per q^2 node:
///
///     let rates = try SemileptonicRates.standard()
///     let node = rates.coefficients(.bZeroToKStarZero, lepton: .muon, q2: 2.0)   // once
///     let dB = node.dBdq2(deltaC9: dc9, deltaC10: dc10)                          // per point
///
/// Exclusive modes: `ExclusiveRateModel` with BSZ 2015 (B -> K*, Bs -> phi) and GRvDV 2023 (B -> K)
/// form factors at mu = mu_bsll (4.8 GeV). Inclusive: `InclusiveRateModel` at mu = mu_bxsll (5 GeV).
/// The shifts delta C9, delta C10 are added to the SM C9, C10 of the channel's lepton at the
/// scale of the rate (their running between 4.8 and 5 GeV is negligible).
public struct SemileptonicRates: Sendable {
    public let inputs: FlavorInputs
    public let convention: ShiftCPConvention
    public let exclusiveModels: [SemileptonicDecay: ExclusiveRateModel]
    public let inclusiveModel: InclusiveRateModel

    /// Builds all modes. `exclusiveCoefficients` and `inclusiveCoefficients` are the SM Wilson
    /// coefficients at the scales of the exclusive and inclusive rates.
    public init(inputs: FlavorInputs, formFactors: FormFactorTable,
                exclusiveCoefficients: StandardModelWilsonCoefficients,
                inclusiveCoefficients: StandardModelWilsonCoefficients,
                twoLoopGrid: CurrentCurrentTwoLoopGrid,
                convention: ShiftCPConvention = .sameInConjugate) throws {
        self.inputs = inputs
        self.convention = convention
        func v(_ name: String) throws -> Double { try inputs.value(name) }
        let alphaS = try StrongCoupling(inputs: inputs)
        let mbPole = try v("m_b_pole"), mcPole = try v("m_c_pole"), mcDipole = try v("m_c_nnlo_dipole")
        let alphaEM = try v("alpha_em_mb"), hbar = try v("hbar")
        let lambdaT = inputs.ckm.lambda(up: 2, from: 2, to: 1)
        let normalization = pow(4 * inputs.fermiConstant / 2.0.squareRoot() * alphaEM / (4 * Double.pi)
                                * lambdaT.length, 2)

        // MSbar m_b(mu) and m_s(mu)/m_b(mu) at leading order from m_b(m_b) and m_s(2 GeV).
        func bottomMass(at mu: Double) -> Double { inputs.massBottom * alphaS.massRatio(from: inputs.massBottom, to: mu) }
        func strangeOverBottom(at mu: Double) -> Double { inputs.massStrange * alphaS.massRatio(from: 2, to: mu) / bottomMass(at: mu) }
        func loops(_ c: StandardModelWilsonCoefficients) -> QuarkLoopModel {
            QuarkLoopModel(coefficients: c, grid: twoLoopGrid, ckm: inputs.ckm, alphaS: alphaS(c.scale),
                           charmPoleMass: mcPole, bottomPoleMass: mbPole, charmMassDipole: mcDipole)
        }

        let exclusiveLoops = loops(exclusiveCoefficients)
        let mu = exclusiveCoefficients.scale
        let mB0 = try v("m_B0"), mBPlus = try v("m_B_plus"), mBs = try v("m_Bs")
        let bToK = try BToPseudoscalarFormFactors(table: formFactors, transition: "B->K", initialMass: mB0, finalMass: try v("m_K0"))
        let bToKStar = try BToVectorFormFactors(table: formFactors, transition: "B->K*", initialMass: mB0, finalMass: try v("m_Kstar0"))
        let bsToPhi = try BToVectorFormFactors(table: formFactors, transition: "Bs->phi", initialMass: mBs, finalMass: try v("m_phi"))
        func exclusive(_ hadronic: ExclusiveHadronicModel, _ mB: Double, _ mM: Double, lifetime: String,
                       widthDifference: Double = 0) throws -> ExclusiveRateModel {
            ExclusiveRateModel(hadronic: hadronic, initialMass: mB, finalMass: mM, lifetime: try v(lifetime) / hbar,
                               normalization: normalization, bottomMass: bottomMass(at: mu), loops: exclusiveLoops,
                               c7Prime: strangeOverBottom(at: mu) * exclusiveCoefficients.c7,
                               widthDifference: widthDifference)
        }
        exclusiveModels = [
            .bPlusToKPlus: try exclusive(.pseudoscalar(bToK), mBPlus, try v("m_K_plus"), lifetime: "tau_B_plus"),
            .bZeroToKZero: try exclusive(.pseudoscalar(bToK), mB0, try v("m_K0"), lifetime: "tau_B0"),
            .bZeroToKStarZero: try exclusive(.vector(bToKStar), mB0, try v("m_Kstar0"), lifetime: "tau_B0"),
            .bPlusToKStarPlus: try exclusive(.vector(bToKStar), mBPlus, try v("m_Kstar_plus"), lifetime: "tau_B_plus"),
            .bsToPhi: try exclusive(.vector(bsToPhi), mBs, try v("m_phi"), lifetime: "tau_Bs",
                                    widthDifference: try v("DeltaGamma_over_Gamma_Bs") / 2),
        ]

        let muX = inclusiveCoefficients.scale
        let vcb = inputs.ckm[1, 2].length
        inclusiveModel = InclusiveRateModel(
            loops: loops(inclusiveCoefficients), bottomPoleMass: mbPole, alphaS: alphaS(muX),
            alphaSAtMZ: alphaS.alphaSAtMZ, alphaEM: alphaEM,
            c7Prime: strangeOverBottom(at: muX) * inclusiveCoefficients.c7,
            lambda1: try v("lambda_1_hqet"), lambda2: try v("lambda_2_hqet"),
            semileptonicBranchingFraction: try v("BR_B_to_Xc_e_nu"), semileptonicRatioC: try v("C_B_to_Xc_over_Xu"),
            ckmFactor: lambdaT.lengthSquared / (vcb * vcb))
    }

    /// Builds all modes from the files of a data folder (flavor_inputs.csv is not read: pass the
    /// inputs): bsll_form_factors.csv, bsll_wilson_coefficients_sm.csv (at the scales mu_bsll and
    /// mu_bxsll of the inputs) and bsll_two_loop_charm_functions.dat.
    public init(inputs: FlavorInputs, dataDirectory: String, convention: ShiftCPConvention = .sameInConjugate) throws {
        let coefficients = dataDirectory + "/" + StandardModelWilsonCoefficients.fileName
        try self.init(
            inputs: inputs,
            formFactors: FormFactorTable(contentsOf: dataDirectory + "/" + FormFactorTable.fileName),
            exclusiveCoefficients: StandardModelWilsonCoefficients(contentsOf: coefficients, scale: inputs.value("mu_bsll")),
            inclusiveCoefficients: StandardModelWilsonCoefficients(contentsOf: coefficients, scale: inputs.value("mu_bxsll")),
            twoLoopGrid: CurrentCurrentTwoLoopGrid(contentsOf: dataDirectory + "/" + CurrentCurrentTwoLoopGrid.fileName),
            convention: convention)
    }

    /// The rates with data/flavor_inputs.csv and the data files beside it.
    public static func standard(convention: ShiftCPConvention = .sameInConjugate) throws -> SemileptonicRates {
        let inputsPath = try DataDirectory.path(of: "flavor_inputs.csv")
        let directory = URL(fileURLWithPath: inputsPath).deletingLastPathComponent().path
        return try SemileptonicRates(inputs: FlavorInputs(contentsOf: inputsPath), dataDirectory: directory,
                                     convention: convention)
    }

    public func leptonMass(_ lepton: Lepton) -> Double {
        switch lepton {
        case .electron: inputs.massElectron
        case .muon: inputs.massMuon
        }
    }

    /// dB/dq^2 at q^2 (GeV^2) as a quadratic function of the shifts (precompute once per node).
    public func coefficients(_ decay: SemileptonicDecay, lepton: Lepton, q2: Double) -> RateCoefficients {
        let ml = leptonMass(lepton)
        if let model = exclusiveModels[decay] {
            return model.coefficients(q2: q2, leptonMass: ml, convention: convention)
        }
        return inclusiveModel.coefficients(q2: q2, leptonMass: ml)
    }

    public func coefficients(_ channel: SemileptonicChannel, q2: Double) -> RateCoefficients {
        coefficients(channel.decay, lepton: channel.lepton, q2: q2)
    }

    /// dB/dq^2 (GeV^-2) at q^2 with the shifts (convenience; builds the coefficients each call).
    public func dBdq2(_ decay: SemileptonicDecay, lepton: Lepton, q2: Double,
                      deltaC9: Complex<Double> = .zero, deltaC10: Complex<Double> = .zero,
                      deltaC10Timelike: Complex<Double>? = nil) -> Double {
        coefficients(decay, lepton: lepton, q2: q2).dBdq2(deltaC9: deltaC9, deltaC10: deltaC10, deltaC10Timelike: deltaC10Timelike)
    }

    /// The rate integrated over [q2Min, q2Max] with `nodeCount` Gauss-Legendre nodes in ln q^2.
    public func bin(_ channel: SemileptonicChannel, q2Min: Double, q2Max: Double, nodeCount: Int = 16) -> BinnedRate {
        let quadrature = BinQuadrature(q2Min: q2Min, q2Max: q2Max, nodeCount: nodeCount)
        return BinnedRate(channel: channel, quadrature: quadrature,
                          nodes: quadrature.nodes.map { coefficients(channel, q2: $0) })
    }
}
