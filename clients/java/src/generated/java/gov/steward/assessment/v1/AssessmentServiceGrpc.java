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

  private static volatile io.grpc.MethodDescriptor<gov.steward.assessment.v1.GetMonthlyFiguresRequest,
      gov.steward.assessment.v1.GetMonthlyFiguresResponse> getGetMonthlyFiguresMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetMonthlyFigures",
      requestType = gov.steward.assessment.v1.GetMonthlyFiguresRequest.class,
      responseType = gov.steward.assessment.v1.GetMonthlyFiguresResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.assessment.v1.GetMonthlyFiguresRequest,
      gov.steward.assessment.v1.GetMonthlyFiguresResponse> getGetMonthlyFiguresMethod() {
    io.grpc.MethodDescriptor<gov.steward.assessment.v1.GetMonthlyFiguresRequest, gov.steward.assessment.v1.GetMonthlyFiguresResponse> getGetMonthlyFiguresMethod;
    if ((getGetMonthlyFiguresMethod = AssessmentServiceGrpc.getGetMonthlyFiguresMethod) == null) {
      synchronized (AssessmentServiceGrpc.class) {
        if ((getGetMonthlyFiguresMethod = AssessmentServiceGrpc.getGetMonthlyFiguresMethod) == null) {
          AssessmentServiceGrpc.getGetMonthlyFiguresMethod = getGetMonthlyFiguresMethod =
              io.grpc.MethodDescriptor.<gov.steward.assessment.v1.GetMonthlyFiguresRequest, gov.steward.assessment.v1.GetMonthlyFiguresResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetMonthlyFigures"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.GetMonthlyFiguresRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.GetMonthlyFiguresResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AssessmentServiceMethodDescriptorSupplier("GetMonthlyFigures"))
              .build();
        }
      }
    }
    return getGetMonthlyFiguresMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.assessment.v1.GetQuarterlyBulletinRequest,
      gov.steward.assessment.v1.GetQuarterlyBulletinResponse> getGetQuarterlyBulletinMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetQuarterlyBulletin",
      requestType = gov.steward.assessment.v1.GetQuarterlyBulletinRequest.class,
      responseType = gov.steward.assessment.v1.GetQuarterlyBulletinResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.assessment.v1.GetQuarterlyBulletinRequest,
      gov.steward.assessment.v1.GetQuarterlyBulletinResponse> getGetQuarterlyBulletinMethod() {
    io.grpc.MethodDescriptor<gov.steward.assessment.v1.GetQuarterlyBulletinRequest, gov.steward.assessment.v1.GetQuarterlyBulletinResponse> getGetQuarterlyBulletinMethod;
    if ((getGetQuarterlyBulletinMethod = AssessmentServiceGrpc.getGetQuarterlyBulletinMethod) == null) {
      synchronized (AssessmentServiceGrpc.class) {
        if ((getGetQuarterlyBulletinMethod = AssessmentServiceGrpc.getGetQuarterlyBulletinMethod) == null) {
          AssessmentServiceGrpc.getGetQuarterlyBulletinMethod = getGetQuarterlyBulletinMethod =
              io.grpc.MethodDescriptor.<gov.steward.assessment.v1.GetQuarterlyBulletinRequest, gov.steward.assessment.v1.GetQuarterlyBulletinResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetQuarterlyBulletin"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.GetQuarterlyBulletinRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.GetQuarterlyBulletinResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AssessmentServiceMethodDescriptorSupplier("GetQuarterlyBulletin"))
              .build();
        }
      }
    }
    return getGetQuarterlyBulletinMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.assessment.v1.PublishQuarterlyBulletinRequest,
      gov.steward.assessment.v1.PublishQuarterlyBulletinResponse> getPublishQuarterlyBulletinMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PublishQuarterlyBulletin",
      requestType = gov.steward.assessment.v1.PublishQuarterlyBulletinRequest.class,
      responseType = gov.steward.assessment.v1.PublishQuarterlyBulletinResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.assessment.v1.PublishQuarterlyBulletinRequest,
      gov.steward.assessment.v1.PublishQuarterlyBulletinResponse> getPublishQuarterlyBulletinMethod() {
    io.grpc.MethodDescriptor<gov.steward.assessment.v1.PublishQuarterlyBulletinRequest, gov.steward.assessment.v1.PublishQuarterlyBulletinResponse> getPublishQuarterlyBulletinMethod;
    if ((getPublishQuarterlyBulletinMethod = AssessmentServiceGrpc.getPublishQuarterlyBulletinMethod) == null) {
      synchronized (AssessmentServiceGrpc.class) {
        if ((getPublishQuarterlyBulletinMethod = AssessmentServiceGrpc.getPublishQuarterlyBulletinMethod) == null) {
          AssessmentServiceGrpc.getPublishQuarterlyBulletinMethod = getPublishQuarterlyBulletinMethod =
              io.grpc.MethodDescriptor.<gov.steward.assessment.v1.PublishQuarterlyBulletinRequest, gov.steward.assessment.v1.PublishQuarterlyBulletinResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PublishQuarterlyBulletin"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.PublishQuarterlyBulletinRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.PublishQuarterlyBulletinResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AssessmentServiceMethodDescriptorSupplier("PublishQuarterlyBulletin"))
              .build();
        }
      }
    }
    return getPublishQuarterlyBulletinMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.assessment.v1.ListReferralsRequest,
      gov.steward.assessment.v1.ListReferralsResponse> getListReferralsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListReferrals",
      requestType = gov.steward.assessment.v1.ListReferralsRequest.class,
      responseType = gov.steward.assessment.v1.ListReferralsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.assessment.v1.ListReferralsRequest,
      gov.steward.assessment.v1.ListReferralsResponse> getListReferralsMethod() {
    io.grpc.MethodDescriptor<gov.steward.assessment.v1.ListReferralsRequest, gov.steward.assessment.v1.ListReferralsResponse> getListReferralsMethod;
    if ((getListReferralsMethod = AssessmentServiceGrpc.getListReferralsMethod) == null) {
      synchronized (AssessmentServiceGrpc.class) {
        if ((getListReferralsMethod = AssessmentServiceGrpc.getListReferralsMethod) == null) {
          AssessmentServiceGrpc.getListReferralsMethod = getListReferralsMethod =
              io.grpc.MethodDescriptor.<gov.steward.assessment.v1.ListReferralsRequest, gov.steward.assessment.v1.ListReferralsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListReferrals"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.ListReferralsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.ListReferralsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AssessmentServiceMethodDescriptorSupplier("ListReferrals"))
              .build();
        }
      }
    }
    return getListReferralsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.assessment.v1.RaiseReferralRequest,
      gov.steward.assessment.v1.RaiseReferralResponse> getRaiseReferralMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RaiseReferral",
      requestType = gov.steward.assessment.v1.RaiseReferralRequest.class,
      responseType = gov.steward.assessment.v1.RaiseReferralResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.assessment.v1.RaiseReferralRequest,
      gov.steward.assessment.v1.RaiseReferralResponse> getRaiseReferralMethod() {
    io.grpc.MethodDescriptor<gov.steward.assessment.v1.RaiseReferralRequest, gov.steward.assessment.v1.RaiseReferralResponse> getRaiseReferralMethod;
    if ((getRaiseReferralMethod = AssessmentServiceGrpc.getRaiseReferralMethod) == null) {
      synchronized (AssessmentServiceGrpc.class) {
        if ((getRaiseReferralMethod = AssessmentServiceGrpc.getRaiseReferralMethod) == null) {
          AssessmentServiceGrpc.getRaiseReferralMethod = getRaiseReferralMethod =
              io.grpc.MethodDescriptor.<gov.steward.assessment.v1.RaiseReferralRequest, gov.steward.assessment.v1.RaiseReferralResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RaiseReferral"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.RaiseReferralRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.RaiseReferralResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AssessmentServiceMethodDescriptorSupplier("RaiseReferral"))
              .build();
        }
      }
    }
    return getRaiseReferralMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.assessment.v1.UpdateReferralRequest,
      gov.steward.assessment.v1.UpdateReferralResponse> getUpdateReferralMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateReferral",
      requestType = gov.steward.assessment.v1.UpdateReferralRequest.class,
      responseType = gov.steward.assessment.v1.UpdateReferralResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.assessment.v1.UpdateReferralRequest,
      gov.steward.assessment.v1.UpdateReferralResponse> getUpdateReferralMethod() {
    io.grpc.MethodDescriptor<gov.steward.assessment.v1.UpdateReferralRequest, gov.steward.assessment.v1.UpdateReferralResponse> getUpdateReferralMethod;
    if ((getUpdateReferralMethod = AssessmentServiceGrpc.getUpdateReferralMethod) == null) {
      synchronized (AssessmentServiceGrpc.class) {
        if ((getUpdateReferralMethod = AssessmentServiceGrpc.getUpdateReferralMethod) == null) {
          AssessmentServiceGrpc.getUpdateReferralMethod = getUpdateReferralMethod =
              io.grpc.MethodDescriptor.<gov.steward.assessment.v1.UpdateReferralRequest, gov.steward.assessment.v1.UpdateReferralResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateReferral"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.UpdateReferralRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.assessment.v1.UpdateReferralResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AssessmentServiceMethodDescriptorSupplier("UpdateReferral"))
              .build();
        }
      }
    }
    return getUpdateReferralMethod;
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

    /**
     * <pre>
     * A month's figures (月统计) for the caller's region — the city sees every county — by region,
     * department or steward, each figure as the events feeding it have landed.
     * </pre>
     */
    default void getMonthlyFigures(gov.steward.assessment.v1.GetMonthlyFiguresRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.GetMonthlyFiguresResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetMonthlyFiguresMethod(), responseObserver);
    }

    /**
     * <pre>
     * A quarter's bulletin (考评通报): frozen once published, a draft computed now otherwise.
     * </pre>
     */
    default void getQuarterlyBulletin(gov.steward.assessment.v1.GetQuarterlyBulletinRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.GetQuarterlyBulletinResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetQuarterlyBulletinMethod(), responseObserver);
    }

    /**
     * <pre>
     * Publishes and freezes a finished quarter's bulletin (the city's admin); once only.
     * </pre>
     */
    default void publishQuarterlyBulletin(gov.steward.assessment.v1.PublishQuarterlyBulletinRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.PublishQuarterlyBulletinResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPublishQuarterlyBulletinMethod(), responseObserver);
    }

    /**
     * <pre>
     * Accountability referrals (作风问责) of the caller's region.
     * </pre>
     */
    default void listReferrals(gov.steward.assessment.v1.ListReferralsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.ListReferralsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListReferralsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Refers an overdue item, a bad review or a 办不成事 complaint, with the case's ledger as evidence.
     * </pre>
     */
    default void raiseReferral(gov.steward.assessment.v1.RaiseReferralRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.RaiseReferralResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRaiseReferralMethod(), responseObserver);
    }

    /**
     * <pre>
     * Records the accountability office's progress or outcome.
     * </pre>
     */
    default void updateReferral(gov.steward.assessment.v1.UpdateReferralRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.UpdateReferralResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateReferralMethod(), responseObserver);
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

    /**
     * <pre>
     * A month's figures (月统计) for the caller's region — the city sees every county — by region,
     * department or steward, each figure as the events feeding it have landed.
     * </pre>
     */
    public void getMonthlyFigures(gov.steward.assessment.v1.GetMonthlyFiguresRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.GetMonthlyFiguresResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetMonthlyFiguresMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * A quarter's bulletin (考评通报): frozen once published, a draft computed now otherwise.
     * </pre>
     */
    public void getQuarterlyBulletin(gov.steward.assessment.v1.GetQuarterlyBulletinRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.GetQuarterlyBulletinResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetQuarterlyBulletinMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Publishes and freezes a finished quarter's bulletin (the city's admin); once only.
     * </pre>
     */
    public void publishQuarterlyBulletin(gov.steward.assessment.v1.PublishQuarterlyBulletinRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.PublishQuarterlyBulletinResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPublishQuarterlyBulletinMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Accountability referrals (作风问责) of the caller's region.
     * </pre>
     */
    public void listReferrals(gov.steward.assessment.v1.ListReferralsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.ListReferralsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListReferralsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Refers an overdue item, a bad review or a 办不成事 complaint, with the case's ledger as evidence.
     * </pre>
     */
    public void raiseReferral(gov.steward.assessment.v1.RaiseReferralRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.RaiseReferralResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRaiseReferralMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Records the accountability office's progress or outcome.
     * </pre>
     */
    public void updateReferral(gov.steward.assessment.v1.UpdateReferralRequest request,
        io.grpc.stub.StreamObserver<gov.steward.assessment.v1.UpdateReferralResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateReferralMethod(), getCallOptions()), request, responseObserver);
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

    /**
     * <pre>
     * A month's figures (月统计) for the caller's region — the city sees every county — by region,
     * department or steward, each figure as the events feeding it have landed.
     * </pre>
     */
    public gov.steward.assessment.v1.GetMonthlyFiguresResponse getMonthlyFigures(gov.steward.assessment.v1.GetMonthlyFiguresRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetMonthlyFiguresMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A quarter's bulletin (考评通报): frozen once published, a draft computed now otherwise.
     * </pre>
     */
    public gov.steward.assessment.v1.GetQuarterlyBulletinResponse getQuarterlyBulletin(gov.steward.assessment.v1.GetQuarterlyBulletinRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetQuarterlyBulletinMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Publishes and freezes a finished quarter's bulletin (the city's admin); once only.
     * </pre>
     */
    public gov.steward.assessment.v1.PublishQuarterlyBulletinResponse publishQuarterlyBulletin(gov.steward.assessment.v1.PublishQuarterlyBulletinRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getPublishQuarterlyBulletinMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Accountability referrals (作风问责) of the caller's region.
     * </pre>
     */
    public gov.steward.assessment.v1.ListReferralsResponse listReferrals(gov.steward.assessment.v1.ListReferralsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListReferralsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Refers an overdue item, a bad review or a 办不成事 complaint, with the case's ledger as evidence.
     * </pre>
     */
    public gov.steward.assessment.v1.RaiseReferralResponse raiseReferral(gov.steward.assessment.v1.RaiseReferralRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRaiseReferralMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Records the accountability office's progress or outcome.
     * </pre>
     */
    public gov.steward.assessment.v1.UpdateReferralResponse updateReferral(gov.steward.assessment.v1.UpdateReferralRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateReferralMethod(), getCallOptions(), request);
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

    /**
     * <pre>
     * A month's figures (月统计) for the caller's region — the city sees every county — by region,
     * department or steward, each figure as the events feeding it have landed.
     * </pre>
     */
    public gov.steward.assessment.v1.GetMonthlyFiguresResponse getMonthlyFigures(gov.steward.assessment.v1.GetMonthlyFiguresRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetMonthlyFiguresMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A quarter's bulletin (考评通报): frozen once published, a draft computed now otherwise.
     * </pre>
     */
    public gov.steward.assessment.v1.GetQuarterlyBulletinResponse getQuarterlyBulletin(gov.steward.assessment.v1.GetQuarterlyBulletinRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetQuarterlyBulletinMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Publishes and freezes a finished quarter's bulletin (the city's admin); once only.
     * </pre>
     */
    public gov.steward.assessment.v1.PublishQuarterlyBulletinResponse publishQuarterlyBulletin(gov.steward.assessment.v1.PublishQuarterlyBulletinRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPublishQuarterlyBulletinMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Accountability referrals (作风问责) of the caller's region.
     * </pre>
     */
    public gov.steward.assessment.v1.ListReferralsResponse listReferrals(gov.steward.assessment.v1.ListReferralsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListReferralsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Refers an overdue item, a bad review or a 办不成事 complaint, with the case's ledger as evidence.
     * </pre>
     */
    public gov.steward.assessment.v1.RaiseReferralResponse raiseReferral(gov.steward.assessment.v1.RaiseReferralRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRaiseReferralMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Records the accountability office's progress or outcome.
     * </pre>
     */
    public gov.steward.assessment.v1.UpdateReferralResponse updateReferral(gov.steward.assessment.v1.UpdateReferralRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateReferralMethod(), getCallOptions(), request);
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

    /**
     * <pre>
     * A month's figures (月统计) for the caller's region — the city sees every county — by region,
     * department or steward, each figure as the events feeding it have landed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.assessment.v1.GetMonthlyFiguresResponse> getMonthlyFigures(
        gov.steward.assessment.v1.GetMonthlyFiguresRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetMonthlyFiguresMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * A quarter's bulletin (考评通报): frozen once published, a draft computed now otherwise.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.assessment.v1.GetQuarterlyBulletinResponse> getQuarterlyBulletin(
        gov.steward.assessment.v1.GetQuarterlyBulletinRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetQuarterlyBulletinMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Publishes and freezes a finished quarter's bulletin (the city's admin); once only.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.assessment.v1.PublishQuarterlyBulletinResponse> publishQuarterlyBulletin(
        gov.steward.assessment.v1.PublishQuarterlyBulletinRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPublishQuarterlyBulletinMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Accountability referrals (作风问责) of the caller's region.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.assessment.v1.ListReferralsResponse> listReferrals(
        gov.steward.assessment.v1.ListReferralsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListReferralsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Refers an overdue item, a bad review or a 办不成事 complaint, with the case's ledger as evidence.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.assessment.v1.RaiseReferralResponse> raiseReferral(
        gov.steward.assessment.v1.RaiseReferralRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRaiseReferralMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Records the accountability office's progress or outcome.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.assessment.v1.UpdateReferralResponse> updateReferral(
        gov.steward.assessment.v1.UpdateReferralRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateReferralMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_GET_COMPLETION_STATS = 0;
  private static final int METHODID_LIST_REGIONS = 1;
  private static final int METHODID_GET_MONTHLY_FIGURES = 2;
  private static final int METHODID_GET_QUARTERLY_BULLETIN = 3;
  private static final int METHODID_PUBLISH_QUARTERLY_BULLETIN = 4;
  private static final int METHODID_LIST_REFERRALS = 5;
  private static final int METHODID_RAISE_REFERRAL = 6;
  private static final int METHODID_UPDATE_REFERRAL = 7;

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
        case METHODID_GET_MONTHLY_FIGURES:
          serviceImpl.getMonthlyFigures((gov.steward.assessment.v1.GetMonthlyFiguresRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.assessment.v1.GetMonthlyFiguresResponse>) responseObserver);
          break;
        case METHODID_GET_QUARTERLY_BULLETIN:
          serviceImpl.getQuarterlyBulletin((gov.steward.assessment.v1.GetQuarterlyBulletinRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.assessment.v1.GetQuarterlyBulletinResponse>) responseObserver);
          break;
        case METHODID_PUBLISH_QUARTERLY_BULLETIN:
          serviceImpl.publishQuarterlyBulletin((gov.steward.assessment.v1.PublishQuarterlyBulletinRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.assessment.v1.PublishQuarterlyBulletinResponse>) responseObserver);
          break;
        case METHODID_LIST_REFERRALS:
          serviceImpl.listReferrals((gov.steward.assessment.v1.ListReferralsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.assessment.v1.ListReferralsResponse>) responseObserver);
          break;
        case METHODID_RAISE_REFERRAL:
          serviceImpl.raiseReferral((gov.steward.assessment.v1.RaiseReferralRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.assessment.v1.RaiseReferralResponse>) responseObserver);
          break;
        case METHODID_UPDATE_REFERRAL:
          serviceImpl.updateReferral((gov.steward.assessment.v1.UpdateReferralRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.assessment.v1.UpdateReferralResponse>) responseObserver);
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
        .addMethod(
          getGetMonthlyFiguresMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.assessment.v1.GetMonthlyFiguresRequest,
              gov.steward.assessment.v1.GetMonthlyFiguresResponse>(
                service, METHODID_GET_MONTHLY_FIGURES)))
        .addMethod(
          getGetQuarterlyBulletinMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.assessment.v1.GetQuarterlyBulletinRequest,
              gov.steward.assessment.v1.GetQuarterlyBulletinResponse>(
                service, METHODID_GET_QUARTERLY_BULLETIN)))
        .addMethod(
          getPublishQuarterlyBulletinMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.assessment.v1.PublishQuarterlyBulletinRequest,
              gov.steward.assessment.v1.PublishQuarterlyBulletinResponse>(
                service, METHODID_PUBLISH_QUARTERLY_BULLETIN)))
        .addMethod(
          getListReferralsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.assessment.v1.ListReferralsRequest,
              gov.steward.assessment.v1.ListReferralsResponse>(
                service, METHODID_LIST_REFERRALS)))
        .addMethod(
          getRaiseReferralMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.assessment.v1.RaiseReferralRequest,
              gov.steward.assessment.v1.RaiseReferralResponse>(
                service, METHODID_RAISE_REFERRAL)))
        .addMethod(
          getUpdateReferralMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.assessment.v1.UpdateReferralRequest,
              gov.steward.assessment.v1.UpdateReferralResponse>(
                service, METHODID_UPDATE_REFERRAL)))
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
              .addMethod(getGetMonthlyFiguresMethod())
              .addMethod(getGetQuarterlyBulletinMethod())
              .addMethod(getPublishQuarterlyBulletinMethod())
              .addMethod(getListReferralsMethod())
              .addMethod(getRaiseReferralMethod())
              .addMethod(getUpdateReferralMethod())
              .build();
        }
      }
    }
    return result;
  }
}
