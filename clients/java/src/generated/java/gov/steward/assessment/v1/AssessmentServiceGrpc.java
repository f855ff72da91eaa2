package gov.steward.assessment.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Assessment (考评): statistics, bulletins and rankings built from every service's events.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class AssessmentServiceGrpc {

  private AssessmentServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "steward.assessment.v1.AssessmentService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<gov.steward.assessment.v1.GetCompletionStatsRequest,
      gov.steward.assessment.v1.GetCompletionStatsResponse> getGetCompletionStatsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetCompletionStats",
      requestType = gov.steward.assessment.v1.GetCompletionStatsRequest.class,
      responseType = gov.steward.assessment.v1.GetCompletionStatsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.assessment.v1.GetCompletionStatsRequest,
      gov.steward.assessment.v1.GetCompletionStatsResponse> getGetCompletionStatsMethod() {
    io.grpc.MethodDescriptor<gov.steward.assessment.v1.GetCompletionStatsRequest, gov.steward.assessment.v1.GetCompletionStatsResponse> getGetCompletionStatsMethod;
    if ((getGetCompletionStatsMethod = AssessmentServiceGrpc.getGetCompletionStatsMethod) == null) {
      synchronized (AssessmentServiceGrpc.class) {
        if ((getGetCompletionStatsMethod = AssessmentServiceGrpc.getGetCompletionStatsMethod) == null) {
          AssessmentServiceGrpc.getGetCompletionStatsMethod = getGetCompletionStatsMethod =
              io.grpc.MethodDescriptor.<gov.steward.assessment.v1.GetCompletionStatsRequest, gov.steward.assessment.v1.GetCompletionStatsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetCompletionStats"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.GetCompletionStatsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.GetCompletionStatsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AssessmentServiceMethodDescriptorSupplier("GetCompletionStats"))
              .build();
        }
      }
    }
    return getGetCompletionStatsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.assessment.v1.ListRegionsRequest,
      gov.steward.assessment.v1.ListRegionsResponse> getListRegionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListRegions",
      requestType = gov.steward.assessment.v1.ListRegionsRequest.class,
      responseType = gov.steward.assessment.v1.ListRegionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.assessment.v1.ListRegionsRequest,
      gov.steward.assessment.v1.ListRegionsResponse> getListRegionsMethod() {
    io.grpc.MethodDescriptor<gov.steward.assessment.v1.ListRegionsRequest, gov.steward.assessment.v1.ListRegionsResponse> getListRegionsMethod;
    if ((getListRegionsMethod = AssessmentServiceGrpc.getListRegionsMethod) == null) {
      synchronized (AssessmentServiceGrpc.class) {
        if ((getListRegionsMethod = AssessmentServiceGrpc.getListRegionsMethod) == null) {
          AssessmentServiceGrpc.getListRegionsMethod = getListRegionsMethod =
              io.grpc.MethodDescriptor.<gov.steward.assessment.v1.ListRegionsRequest, gov.steward.assessment.v1.ListRegionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListRegions"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.ListRegionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.ListRegionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AssessmentServiceMethodDescriptorSupplier("ListRegions"))
              .build();
        }
      }
    }
    return getListRegionsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static AssessmentServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AssessmentServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AssessmentServiceStub>() {
        @java.lang.Override
        public AssessmentServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AssessmentServiceStub(channel, callOptions);
        }
      };
    return AssessmentServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static AssessmentServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AssessmentServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AssessmentServiceBlockingV2Stub>() {
        @java.lang.Override
        public AssessmentServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AssessmentServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return AssessmentServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static AssessmentServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AssessmentServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AssessmentServiceBlockingStub>() {
        @java.lang.Override
        public AssessmentServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AssessmentServiceBlockingStub(channel, callOptions);
        }
      };
    return AssessmentServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static AssessmentServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AssessmentServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AssessmentServiceFutureStub>() {
        @java.lang.Override
        public AssessmentServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AssessmentServiceFutureStub(channel, callOptions);
        }
      };
    return AssessmentServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Assessment (考评): statistics, bulletins and rankings built from every service's events.
   * </pre>
   */
  public interface AsyncService {

    /**
     */
    default void getCompletionStats(gov.steward.assessment.v1.GetCompletionStatsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.GetCompletionStatsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetCompletionStatsMethod(), responseObserver);
    }

    /**
     * <pre>
     * The city's regions (市级 and its counties and districts) that statistics and rankings cover.
     * </pre>
     */
    default void listRegions(gov.steward.assessment.v1.ListRegionsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.ListRegionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListRegionsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service AssessmentService.
   * <pre>
   * Assessment (考评): statistics, bulletins and rankings built from every service's events.
   * </pre>
   */
  public static abstract class AssessmentServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return AssessmentServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service AssessmentService.
   * <pre>
   * Assessment (考评): statistics, bulletins and rankings built from every service's events.
   * </pre>
   */
  public static final class AssessmentServiceStub
      extends io.grpc.stub.AbstractAsyncStub<AssessmentServiceStub> {
    private AssessmentServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AssessmentServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AssessmentServiceStub(channel, callOptions);
    }

    /**
     */
    public void getCompletionStats(gov.steward.assessment.v1.GetCompletionStatsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.GetCompletionStatsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetCompletionStatsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The city's regions (市级 and its counties and districts) that statistics and rankings cover.
     * </pre>
     */
    public void listRegions(gov.steward.assessment.v1.ListRegionsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.ListRegionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListRegionsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service AssessmentService.
   * <pre>
   * Assessment (考评): statistics, bulletins and rankings built from every service's events.
   * </pre>
   */
  public static final class AssessmentServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<AssessmentServiceBlockingV2Stub> {
    private AssessmentServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AssessmentServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AssessmentServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     */
    public gov.steward.assessment.v1.GetCompletionStatsResponse getCompletionStats(gov.steward.assessment.v1.GetCompletionStatsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetCompletionStatsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The city's regions (市级 and its counties and districts) that statistics and rankings cover.
     * </pre>
     */
    public gov.steward.assessment.v1.ListRegionsResponse listRegions(gov.steward.assessment.v1.ListRegionsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListRegionsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service AssessmentService.
   * <pre>
   * Assessment (考评): statistics, bulletins and rankings built from every service's events.
   * </pre>
   */
  public static final class AssessmentServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<AssessmentServiceBlockingStub> {
    private AssessmentServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AssessmentServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AssessmentServiceBlockingStub(channel, callOptions);
    }

    /**
     */
    public gov.steward.assessment.v1.GetCompletionStatsResponse getCompletionStats(gov.steward.assessment.v1.GetCompletionStatsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetCompletionStatsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The city's regions (市级 and its counties and districts) that statistics and rankings cover.
     * </pre>
     */
    public gov.steward.assessment.v1.ListRegionsResponse listRegions(gov.steward.assessment.v1.ListRegionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListRegionsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service AssessmentService.
   * <pre>
   * Assessment (考评): statistics, bulletins and rankings built from every service's events.
   * </pre>
   */
  public static final class AssessmentServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<AssessmentServiceFutureStub> {
    private AssessmentServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AssessmentServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AssessmentServiceFutureStub(channel, callOptions);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.assessment.v1.GetCompletionStatsResponse> getCompletionStats(
        gov.steward.assessment.v1.GetCompletionStatsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetCompletionStatsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The city's regions (市级 and its counties and districts) that statistics and rankings cover.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.assessment.v1.ListRegionsResponse> listRegions(
        gov.steward.assessment.v1.ListRegionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListRegionsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_GET_COMPLETION_STATS = 0;
  private static final int METHODID_LIST_REGIONS = 1;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_GET_COMPLETION_STATS:
          serviceImpl.getCompletionStats((gov.steward.assessment.v1.GetCompletionStatsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.assessment.v1.GetCompletionStatsResponse>) responseObserver);
          break;
        case METHODID_LIST_REGIONS:
          serviceImpl.listRegions((gov.steward.assessment.v1.ListRegionsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.assessment.v1.ListRegionsResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getGetCompletionStatsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.assessment.v1.GetCompletionStatsRequest,
              gov.steward.assessment.v1.GetCompletionStatsResponse>(
                service, METHODID_GET_COMPLETION_STATS)))
        .addMethod(
          getListRegionsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.assessment.v1.ListRegionsRequest,
              gov.steward.assessment.v1.ListRegionsResponse>(
                service, METHODID_LIST_REGIONS)))
        .build();
  }

  private static abstract class AssessmentServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    AssessmentServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return gov.steward.assessment.v1.AssessmentProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("AssessmentService");
    }
  }

  private static final class AssessmentServiceFileDescriptorSupplier
      extends AssessmentServiceBaseDescriptorSupplier {
    AssessmentServiceFileDescriptorSupplier() {}
  }

  private static final class AssessmentServiceMethodDescriptorSupplier
      extends AssessmentServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    AssessmentServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (AssessmentServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new AssessmentServiceFileDescriptorSupplier())
              .addMethod(getGetCompletionStatsMethod())
              .addMethod(getListRegionsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
