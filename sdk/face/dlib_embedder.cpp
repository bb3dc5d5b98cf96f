#include "face/dlib_embedder.hpp"

#include "cccd/error.hpp"

#include <dlib/dnn.h>
#include <dlib/image_processing.h>
#include <dlib/opencv/cv_image.h>

#include <cmath>

namespace cccd::face {

namespace {
// The network layout dlib_face_recognition_resnet_model_v1.dat was trained with (a ResNet with 29
// convolutional layers, 150x150 input, 128-d metric output). The layout must match to deserialize.
template <int filters, template <typename> class Norm, int stride, typename Input>
using ConvPair = Norm<dlib::con<filters, 3, 3, 1, 1, dlib::relu<Norm<dlib::con<filters, 3, 3, stride, stride, Input>>>>>;
template <int filters, typename Input>
using Residual = dlib::relu<dlib::add_prev1<ConvPair<filters, dlib::affine, 1, dlib::tag1<Input>>>>;
template <int filters, typename Input>
using ResidualDown =
    dlib::relu<dlib::add_prev2<dlib::avg_pool<2, 2, 2, 2, dlib::skip1<dlib::tag2<ConvPair<filters, dlib::affine, 2, dlib::tag1<Input>>>>>>>;
template <typename Input> using Stage0 = ResidualDown<256, Input>;
template <typename Input> using Stage1 = Residual<256, Residual<256, ResidualDown<256, Input>>>;
template <typename Input> using Stage2 = Residual<128, Residual<128, ResidualDown<128, Input>>>;
template <typename Input> using Stage3 = Residual<64, Residual<64, Residual<64, ResidualDown<64, Input>>>>;
template <typename Input> using Stage4 = Residual<32, Residual<32, Residual<32, Input>>>;
using FaceNet = dlib::loss_metric<dlib::fc_no_bias<128, dlib::avg_pool_everything<Stage0<Stage1<Stage2<Stage3<Stage4<
    dlib::max_pool<3, 3, 2, 2, dlib::relu<dlib::affine<dlib::con<32, 7, 7, 2, 2, dlib::input_rgb_image_sized<150>>>>>>>>>>>>>;

constexpr unsigned long chipSize = 150;
constexpr double chipPadding = 0.25;
} // namespace

struct DlibEmbedder::Impl {
    dlib::shape_predictor landmarks;
    FaceNet net;
};

DlibEmbedder::DlibEmbedder(const std::string& landmarksPath, const std::string& resnetPath) : impl_(std::make_unique<Impl>())
{
    try {
        dlib::deserialize(landmarksPath) >> impl_->landmarks;
        dlib::deserialize(resnetPath) >> impl_->net;
    } catch (const std::exception& e) {
        throw Error(ErrorKind::MalformedData, std::string("cannot load the dlib face models: ") + e.what());
    }
}

DlibEmbedder::~DlibEmbedder() = default;

Descriptor DlibEmbedder::embed(const cv::Mat& bgr, const Detection& detection)
{
    dlib::cv_image<dlib::bgr_pixel> view(bgr);
    dlib::rectangle box(static_cast<long>(std::lround(detection.box.x)), static_cast<long>(std::lround(detection.box.y)),
                        static_cast<long>(std::lround(detection.box.x + detection.box.width)),
                        static_cast<long>(std::lround(detection.box.y + detection.box.height)));
    dlib::full_object_detection shape = impl_->landmarks(view, box);
    dlib::matrix<dlib::rgb_pixel> chip;
    dlib::extract_image_chip(view, dlib::get_face_chip_details(shape, chipSize, chipPadding), chip);
    dlib::matrix<float, 0, 1> vector = impl_->net(chip);
    Descriptor out{};
    for (long i = 0; i < vector.size() && i < 128; ++i) out[static_cast<std::size_t>(i)] = vector(i);
    return out;
}

float distance(const Descriptor& a, const Descriptor& b) noexcept
{
    float sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i) sum += (a[i] - b[i]) * (a[i] - b[i]);
    return std::sqrt(sum);
}

} // namespace cccd::face
