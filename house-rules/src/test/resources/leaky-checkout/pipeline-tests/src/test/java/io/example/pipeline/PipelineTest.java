package io.example.pipeline;

import io.example.alpha.Alpha;
import io.example.beta.Beta;

/** The whole pipeline's tests may use every service: this module is not one. */
class PipelineTest {
}
