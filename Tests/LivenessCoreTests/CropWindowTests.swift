import LivenessCore
import TestSupport
import Testing

@Suite("Crop window and model names")
struct CropWindowTests {
    @Test("T1: the scale is limited to the image and both models get [0,7]-[479,499]")
    func t1Example() {
        let box = FaceBox(x: 106, y: 147, width: 207, height: 213)
        for scale in [2.7, 4.0] {
            let window = CropWindow(box: box, imageWidth: 480, imageHeight: 640, scale: scale)
            #expect([window.x1, window.y1, window.x2, window.y2] == [0, 7, 479, 499])
            #expect(abs(window.effectiveScale - 479.0 / 207.0) < 1e-12)
        }
    }

    @Test("Windows past the edges are shifted, not shrunk")
    func shifts() {
        // A 100x100 face in the top-left corner of a 1000x1000 image, scale 2: a 200x200 window from 0,0.
        let corner = CropWindow(box: FaceBox(x: 0, y: 0, width: 100, height: 100), imageWidth: 1000, imageHeight: 1000, scale: 2)
        #expect([corner.x1, corner.y1, corner.x2, corner.y2] == [0, 0, 200, 200])
        // The same face at the bottom-right corner: the window ends at 999 and keeps its size.
        let far = CropWindow(box: FaceBox(x: 900, y: 900, width: 100, height: 100), imageWidth: 1000, imageHeight: 1000, scale: 2)
        #expect([far.x1, far.y1, far.x2, far.y2] == [799, 799, 999, 999])
        // Centred: no shift at all.
        let centre = CropWindow(box: FaceBox(x: 450, y: 450, width: 100, height: 100), imageWidth: 1000, imageHeight: 1000, scale: 2)
        #expect([centre.x1, centre.y1, centre.x2, centre.y2] == [400, 400, 600, 600])
    }

    @Test("File names parse as upstream's parse_model_name does")
    func modelNames() throws {
        let v2 = try #require(AntiSpoofModelSpec(path: "models/2.7_80x80_MiniFASNetV2.onnx"))
        #expect(v2.recipe == .sfas(inputWidth: 80, inputHeight: 80, crop: .sfasScale(2.7)) && v2.modelType == "MiniFASNetV2")
        let se = try #require(AntiSpoofModelSpec(path: "4_0_0_80x80_MiniFASNetV1SE.onnx"))
        #expect(se.recipe.crop == .sfasScale(4) && se.modelType == "MiniFASNetV1SE" && se.name == "4_0_0_80x80_MiniFASNetV1SE")
        let org = try #require(AntiSpoofModelSpec(path: "/m/org_1_80x60_MiniFASNetV1.onnx"))
        #expect(org.recipe == .sfas(inputWidth: 60, inputHeight: 80, crop: .whole))
        for bad in ["model.onnx", "x_80x80_A.onnx", "2.7_80_A.onnx", "2.7_80x80_A.pth", "-1_80x80_A.onnx", "2.7_0x80_A.onnx"] {
            #expect(AntiSpoofModelSpec(path: bad) == nil, "\(bad)")
        }
    }
}
